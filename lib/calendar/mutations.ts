import "server-only";
import { db } from "@/lib/db";
import { makeToken, newTokenSecret } from "@/lib/tokens";

export type ResetFeedResult = { status: "ok"; token: string } | { status: "not_found" };

/** "Reset feed link": a new secret, so the old feed URL stops working at once. */
export async function resetFeed(userId: string): Promise<ResetFeedResult> {
  const secret = newTokenSecret();
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { calendarSecret: secret } });
  return count === 1 ? { status: "ok", token: makeToken("feed", userId, secret) } : { status: "not_found" };
}
