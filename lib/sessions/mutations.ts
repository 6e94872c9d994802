import "server-only";
import { db } from "@/lib/db";
import {
  BROWSER_SESSION_MS,
  hashToken,
  MAX_SESSIONS_PER_ACCOUNT,
  newSessionToken,
  PERSISTENT_SESSION_MS,
} from "./session-token";

// Sessions made and ended: by sign-in (lib/auth), a password change or reset
// (lib/users), two-factor (lib/two-factor). Below all of them, so each ends
// sessions the same way without importing another (docs/decisions/031-domain-order.md).

export async function createSession(
  userId: string,
  {
    persistent,
    userAgent,
    timeZone,
    now = Date.now(),
  }: { persistent: boolean; userAgent?: string | null; timeZone?: string | null; now?: number },
): Promise<{ token: string; expires: Date }> {
  if (timeZone) await saveTimeZone(userId, timeZone);
  const token = newSessionToken();
  const expires = new Date(now + (persistent ? PERSISTENT_SESSION_MS : BROWSER_SESSION_MS));
  const created = await db.session.create({
    data: {
      sessionToken: hashToken(token),
      userId,
      expires,
      persistent,
      userAgent: userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  // Logins are not free to pile up (a script, a leaked password): beyond the
  // cap, the oldest sessions end — never the one just made.
  await db.$executeRaw`
    DELETE FROM "Session" WHERE "userId" = ${userId} AND "id" <> ${created.id} AND "id" NOT IN (
      SELECT "id" FROM "Session" WHERE "userId" = ${userId} AND "id" <> ${created.id}
      ORDER BY "createdAt" DESC, "id" DESC LIMIT ${MAX_SESSIONS_PER_ACCOUNT - 1})`;
  sweepExpired(now);
  return { token, expires };
}

/**
 * The zone this person's browser reports, kept on the account: their mail
 * writes dates in it (lib/notifications). Saved at each login and whenever a
 * signed-in browser tells the pages its zone; the caller has checked it.
 */
export async function saveTimeZone(userId: string, timeZone: string): Promise<void> {
  // Written only when it changed: most logins come from the zone of the last one.
  await db.user.updateMany({
    where: { id: userId, OR: [{ timeZone: null }, { timeZone: { not: timeZone } }] },
    data: { timeZone },
  });
}

export async function deleteSessionByToken(token: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: hashToken(token) } });
}

/** End every session of the account except the one holding `keepToken`. */
export async function deleteOtherSessions(userId: string, keepToken: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepToken ? { sessionToken: { not: hashToken(keepToken) } } : {}) },
  });
  return count;
}

let lastSweep = 0;

function sweepExpired(now: number) {
  if (now - lastSweep < 10 * 60_000) return;
  lastSweep = now;
  db.session.deleteMany({ where: { expires: { lte: new Date(now) } } }).catch(() => {});
}
