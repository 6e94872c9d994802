import "server-only";
import { db } from "@/lib/db";

/** What a login needs to check a password: the account by its (lower-case) email. */
export async function findLoginAccount(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, username: true, email: true, passwordHash: true, twoFactorSecret: true },
  });
}

/** The account a pending login step belongs to, as a session names it. */
export async function findLoginAccountById(id: string) {
  return db.user.findUnique({ where: { id }, select: { id: true, username: true, email: true } });
}
