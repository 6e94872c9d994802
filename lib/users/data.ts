import "server-only";
import { db } from "@/lib/db";

export async function getProfile(username: string) {
  return db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, username: true, joinedAt: true },
  });
}
