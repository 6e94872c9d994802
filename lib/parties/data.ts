import "server-only";
import { cache } from "react";
import { db, rawDate, sql, sqlJoin, type Prisma, type RawScalar, type Sql } from "@/lib/db";

// Reads for pages and the API. Every list is one query for the parties (with
// their hosts) plus one for their guests, whatever the number of parties or
// guests; only the fields shown are selected. They are plain SQL, the same on
// SQLite and PostgreSQL: every list page and API page runs them, and Prisma
// 6 compiles an ORM query anew on every call, which cost more than the
// queries themselves (docs/decisions/017-hot-path-queries.md).

export const partySelect = {
  id: true,
  startsAt: true,
  venue: true,
  mainDish: true,
  seats: true,
  seatsTaken: true,
  hostId: true,
  host: { select: { username: true } },
  attendances: {
    select: { userId: true, user: { select: { username: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  },
} satisfies Prisma.DinnerPartySelect;

type PartyRow = Prisma.DinnerPartyGetPayload<{ select: typeof partySelect }>;

export type PartyView = PartyRow & {
  /** the host first, then guests in RSVP order */
  attendeeNames: string[];
  seatsLeft: number;
};

export function toView(row: PartyRow): PartyView {
  return {
    ...row,
    attendeeNames: row.attendances.map((a) => a.user.username),
    seatsLeft: Math.max(0, row.seats - row.seatsTaken),
  };
}

/** The JSON API's Party. */
export function toApiParty(p: PartyRow) {
  return {
    id: p.id,
    date: p.startsAt.toISOString(),
    venue: p.venue,
    mainDish: p.mainDish,
    seats: p.seats,
    seatsTaken: p.seatsTaken,
    host: { username: p.host.username },
    attendees: p.attendances.map((a) => ({ username: a.user.username })),
  };
}

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
async function queryParties(where: Sql, order: Sql, limit: number): Promise<PartyRow[]> {
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
  const byParty = new Map<number, PartyRow["attendances"]>(ids.map((id) => [id, []]));
  for (const g of guests) byParty.get(Number(g.partyId))?.push({ userId: g.userId, user: { username: g.username } });
  return parties.map((p) => ({
    id: Number(p.id),
    startsAt: rawDate(p.startsAt),
    venue: p.venue,
    mainDish: p.mainDish,
    seats: Number(p.seats),
    seatsTaken: Number(p.seatsTaken),
    hostId: p.hostId,
    host: { username: p.hostUsername },
    attendances: byParty.get(Number(p.id)) ?? [],
  }));
}

const SOONEST_FIRST = sql`p."startsAt" ASC, p."id" ASC`;
const LATEST_FIRST = sql`p."startsAt" DESC, p."id" DESC`;

/** One party; cached per request, so a page and its metadata share the query. */
export const getParty = cache(async (id: number): Promise<PartyView | null> => {
  const [row] = await queryParties(sql`p."id" = ${id}`, SOONEST_FIRST, 1);
  return row ? toView(row) : null;
});

// ------------------------------------------------------------ pagination
// The cursor names the last party of a page by (startsAt, id), the order of
// the list, so a party deleted meanwhile cannot break the next page.

export type Cursor = { startsAt: Date; id: number };

export function encodeCursor(p: Cursor): string {
  return Buffer.from(`${p.startsAt.getTime()}.${p.id}`).toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  if (value.length > 64) return null;
  const m = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(value, "base64url").toString());
  if (!m) return null;
  const startsAt = new Date(Number(m[1]));
  const id = Number(m[2]);
  return Number.isFinite(startsAt.getTime()) && id <= 2_147_483_647 ? { startsAt, id } : null;
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
    parties: page.map(toView),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** The parties a user hosts: upcoming soonest first, then the past, latest first. */
export async function listHostedBy(hostId: string, now = new Date()) {
  const [upcoming, past] = await Promise.all([
    queryParties(sql`p."hostId" = ${hostId} AND p."startsAt" > ${now}`, SOONEST_FIRST, 100),
    queryParties(sql`p."hostId" = ${hostId} AND p."startsAt" <= ${now}`, LATEST_FIRST, 20),
  ]);
  return { upcoming: upcoming.map(toView), past: past.map(toView) };
}

/** Upcoming parties a user hosts or attends, soonest first. */
export async function listAttending(userId: string, { limit = 10, now = new Date() } = {}) {
  const rows = await queryParties(
    sql`p."startsAt" > ${now} AND EXISTS (SELECT 1 FROM "Attendance" x WHERE x."partyId" = p."id" AND x."userId" = ${userId})`,
    SOONEST_FIRST,
    limit,
  );
  return rows.map(toView);
}
