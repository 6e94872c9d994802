import "server-only";
import { db, rawDate, sql, sqlJoin, type RawScalar, type Sql } from "@/lib/db";

// Reads for pages and the API (./api.ts shapes the API's answers). Every list
// is one query for the parties (with their hosts) plus one for their guests,
// whatever the number of parties or guests; only the fields shown are selected. They are plain SQL, the same on
// SQLite and PostgreSQL: every list page and API page runs them, and Prisma
// 6 compiles an ORM query anew on every call, which cost more than the
// queries themselves (docs/decisions/017-hot-path-queries.md).

/** A guest at the table (the host included). */
export type PartyGuest = { userId: string; username: string };

/** A party as every page, action and API answer reads it: its one shape. */
export type Party = {
  id: number;
  startsAt: Date;
  venue: string;
  mainDish: string;
  seats: number;
  seatsTaken: number;
  /** seats - seatsTaken, never below 0 */
  seatsLeft: number;
  hostId: string;
  host: { username: string };
  /** the host first, then guests in RSVP order */
  guests: PartyGuest[];
};

type RawParty = {
  id: RawScalar;
  startsAt: RawScalar;
  venue: string;
  mainDish: string;
  seats: RawScalar;
  seatsTaken: RawScalar;
  hostId: string;
  hostUsername: string;
};
type RawGuest = { partyId: RawScalar; userId: string; username: string };

/** Parties matching `where` (on `p`), in `order`, at most `limit`, with host and guests: two queries. */
async function queryParties(where: Sql, order: Sql, limit: number): Promise<Party[]> {
  const parties = await db.$queryRaw<RawParty[]>`
    SELECT p."id", p."startsAt", p."venue", p."mainDish", p."seats", p."seatsTaken", p."hostId",
           h."username" AS "hostUsername"
    FROM "DinnerParty" p JOIN "User" h ON h."id" = p."hostId"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`;
  if (parties.length === 0) return [];
  const ids = parties.map((p) => Number(p.id));
  const guests = await db.$queryRaw<RawGuest[]>`
    SELECT a."partyId", a."userId", u."username"
    FROM "Attendance" a JOIN "User" u ON u."id" = a."userId"
    WHERE a."partyId" IN (${sqlJoin(ids)})
    ORDER BY a."partyId", a."createdAt", a."userId"`;
  const byParty = new Map<number, PartyGuest[]>(ids.map((id) => [id, []]));
  for (const g of guests) byParty.get(Number(g.partyId))?.push({ userId: g.userId, username: g.username });
  return parties.map((p) => {
    const seats = Number(p.seats);
    const seatsTaken = Number(p.seatsTaken);
    return {
      id: Number(p.id),
      startsAt: rawDate(p.startsAt),
      venue: p.venue,
      mainDish: p.mainDish,
      seats,
      seatsTaken,
      seatsLeft: Math.max(0, seats - seatsTaken),
      hostId: p.hostId,
      host: { username: p.hostUsername },
      guests: byParty.get(Number(p.id)) ?? [],
    };
  });
}

const SOONEST_FIRST = sql`p."startsAt" ASC, p."id" ASC`;
const LATEST_FIRST = sql`p."startsAt" DESC, p."id" DESC`;

/** One party (pages read it through ./loaders.ts, cached per request). */
export async function findParty(id: number): Promise<Party | null> {
  const [party] = await queryParties(sql`p."id" = ${id}`, SOONEST_FIRST, 1);
  return party ?? null;
}

/**
 * When the next party starts: the moment a page listing upcoming parties
 * may first be out of date without any write (server/page-cache.mjs).
 */
export async function nextPartyStart(now = new Date()): Promise<Date | null> {
  const rows = await db.$queryRaw<{ next: RawScalar }[]>`
    SELECT MIN("startsAt") AS "next" FROM "DinnerParty" WHERE "startsAt" > ${now}`;
  const next = rows[0]?.next;
  return next === null || next === undefined ? null : rawDate(next);
}

// ------------------------------------------------------------ pagination
// The cursor names the last party of a page by (startsAt, id), the order of
// the list, so a party deleted meanwhile cannot break the next page.

export type Cursor = { startsAt: Date; id: number };

export function encodeCursor(p: Cursor): string {
  return Buffer.from(`${p.startsAt.getTime()}.${p.id}`).toString("base64url");
}

const LAST_STORABLE_TIME = Date.UTC(10000, 0, 1);

export function decodeCursor(value: string): Cursor | null {
  if (value.length > 64) return null;
  const m = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(value, "base64url").toString());
  if (!m) return null;
  const startsAt = new Date(Number(m[1]));
  const id = Number(m[2]);
  // Both databases store years 0–9999 only; a cursor past that names no party.
  return startsAt.getTime() < LAST_STORABLE_TIME && id <= 2_147_483_647 ? { startsAt, id } : null;
}

export const PAGE_SIZE = 20;

/** Upcoming parties, soonest first, `limit` at a time. */
export async function listUpcoming({
  cursor,
  limit = PAGE_SIZE,
  now = new Date(),
}: { cursor?: Cursor | null; limit?: number; now?: Date } = {}) {
  const after = cursor
    ? sql` AND (p."startsAt" > ${cursor.startsAt} OR (p."startsAt" = ${cursor.startsAt} AND p."id" > ${cursor.id}))`
    : sql``;
  const rows = await queryParties(sql`p."startsAt" > ${now}${after}`, SOONEST_FIRST, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    parties: page,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** The parties a user hosts: upcoming soonest first, then the past, latest first. */
export async function listHostedBy(hostId: string, now = new Date()) {
  const [upcoming, past] = await Promise.all([
    queryParties(sql`p."hostId" = ${hostId} AND p."startsAt" > ${now}`, SOONEST_FIRST, 100),
    queryParties(sql`p."hostId" = ${hostId} AND p."startsAt" <= ${now}`, LATEST_FIRST, 20),
  ]);
  return { upcoming, past };
}

/** Upcoming parties a user hosts or attends, soonest first. */
export async function listAttending(userId: string, { limit = 10, now = new Date() } = {}) {
  return queryParties(
    sql`p."startsAt" > ${now} AND EXISTS (SELECT 1 FROM "Attendance" x WHERE x."partyId" = p."id" AND x."userId" = ${userId})`,
    SOONEST_FIRST,
    limit,
  );
}
