import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, rawDate, type RawScalar } from "@/lib/db";

// Server-side sessions. The cookie holds a random 256-bit token; the database
// holds only its SHA-256, so a leaked copy of the database opens no session.
// A session ends when its row is gone (logout, password change, account
// deletion) or at its absolute expiry, which is never extended.

export const PERSISTENT_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
export const BROWSER_SESSION_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, to keep reads free of writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type SessionUser = { id: string; username: string; email: string };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createSession(
  userId: string,
  { persistent, userAgent, now = Date.now() }: { persistent: boolean; userAgent?: string | null; now?: number },
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now + (persistent ? PERSISTENT_SESSION_MS : BROWSER_SESSION_MS));
  await db.session.create({
    data: {
      sessionToken: hashToken(token),
      userId,
      expires,
      persistent,
      userAgent: userAgent?.slice(0, 512) ?? null,
    },
  });
  sweepExpired(now);
  return { token, expires };
}

type SessionRow = {
  id: string;
  expires: RawScalar;
  lastSeenAt: RawScalar;
  userId: string;
  username: string;
  email: string;
};

export async function findSession(token: string, now = Date.now()) {
  if (!token || token.length > 128) return null;
  // Every signed-in request runs this: one indexed join in plain SQL (the
  // same on SQLite and PostgreSQL), which costs a fraction of the ORM query
  // it replaces — that one is compiled anew on every call
  // (docs/decisions/017-hot-path-queries.md).
  const [found] = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."expires", s."lastSeenAt", u."id" AS "userId", u."username", u."email"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${hashToken(token)}`;
  const row = found && {
    id: found.id,
    expires: rawDate(found.expires),
    lastSeenAt: rawDate(found.lastSeenAt),
    user: { id: found.userId, username: found.username, email: found.email },
  };
  if (!row) return null;
  if (row.expires.getTime() <= now) {
    await db.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Best effort: a lost update only makes "last seen" a little older.
    db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } }).catch(() => {});
  }
  return { id: row.id, expires: row.expires, user: row.user satisfies SessionUser };
}

export async function deleteSessionByToken(token: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: hashToken(token) } });
}

let lastSweep = 0;

function sweepExpired(now: number) {
  if (now - lastSweep < 10 * 60_000) return;
  lastSweep = now;
  db.session.deleteMany({ where: { expires: { lte: new Date(now) } } }).catch(() => {});
}

/** The account's live sessions, newest first, for the settings page. */
export async function listSessions(userId: string, now = new Date()) {
  return db.session.findMany({
    where: { userId, expires: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, sessionToken: true, createdAt: true, lastSeenAt: true, userAgent: true, persistent: true },
  });
}

/** End every session of the account except the one holding `keepToken`. */
export async function deleteOtherSessions(userId: string, keepToken: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepToken ? { sessionToken: { not: hashToken(keepToken) } } : {}) },
  });
  return count;
}
