import "server-only";
import { db, rawDate, type RawScalar } from "@/lib/db";
import { hashToken, type SessionUser } from "./session-token";

/** lastSeenAt is refreshed at most this often, to keep reads free of writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

type SessionRow = {
  id: string;
  expires: RawScalar;
  lastSeenAt: RawScalar;
  userId: string;
  username: string;
  email: string;
};

/** The live session a cookie's token opens, with its user; null when there is none (an expired row is removed). */
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
  if (!found) return null;
  const expires = rawDate(found.expires);
  if (expires.getTime() <= now) {
    await db.session.deleteMany({ where: { id: found.id } });
    return null;
  }
  if (now - rawDate(found.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    // Best effort: a lost update only makes "last seen" a little older.
    db.session.updateMany({ where: { id: found.id }, data: { lastSeenAt: new Date(now) } }).catch(() => {});
  }
  const user: SessionUser = { id: found.userId, username: found.username, email: found.email };
  return { id: found.id, expires, user };
}

/** The account's live sessions, newest first, for the settings page; `current` marks the one holding `currentToken`. */
export async function listSessions(userId: string, currentToken: string | null, now = new Date()) {
  const current = currentToken ? hashToken(currentToken) : null;
  const rows = await db.session.findMany({
    where: { userId, expires: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, sessionToken: true, createdAt: true, lastSeenAt: true, userAgent: true, persistent: true },
  });
  return rows.map(({ sessionToken, ...s }) => ({ ...s, current: sessionToken === current }));
}
