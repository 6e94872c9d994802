import "server-only";
import { db, rawBool, rawDate, sql, sqlJoin, type RawScalar, type Sql } from "@/lib/db";
import { partyTitle, visibleTo } from "@/lib/party-access/data";
import { encodeCursor, type Cursor } from "./cursor";
import type { Party, PartyGuest, Rsvp, RsvpResponse } from "./party";

// Reads for pages and the API (./api.ts shapes the API's answers). Every list
// is one query for the parties (with their hosts) plus one for their guests,
// whatever the number of parties or guests; only the fields shown are selected. They are plain SQL, the same on
// SQLite and PostgreSQL: every list page and API page runs them, and Prisma
// 6 compiles an ORM query anew on every call, which cost more than the
// queries themselves (docs/decisions/017-hot-path-queries.md). Who may see a
// party (`visibleTo`) and what it is called (`partyTitle`) are in
// lib/party-access, the rule every domain about a party shares.

// The shape every read gives (./party.ts), repeated here for the pages.
export type { Answer, Party, PartyGuest, Rsvp, RsvpResponse, Visibility } from "./party";

type RawParty = {
  id: RawScalar;
  title: string | null;
  details: string;
  startsAt: RawScalar;
  venue: string;
  visibility: string;
  venueHidden: RawScalar | boolean;
  revision: RawScalar;
  updatedAt: RawScalar;
  mainDish: string;
  seats: RawScalar;
  seatsTaken: RawScalar;
  plusOnesAllowed: RawScalar;
  waitlist: RawScalar | boolean;
  rsvpBy: RawScalar | null;
  guestListHidden: RawScalar | boolean;
  hostId: string;
  hostUsername: string;
};
type RawAnswer = {
  partyId: RawScalar;
  userId: string;
  username: string;
  response: string;
  plusOnes: RawScalar;
  queuePos: RawScalar | null;
  note: string | null;
};

/**
 * Parties matching `where` (on `p`) that `viewerId` may see, in `order`, at
 * most `limit`, with host and answers, as the viewer may see them: two queries. Notes come back only
 * for the viewer's own answer; declined and waitlisted guests only as counts.
 */
async function queryParties(where: Sql, order: Sql, limit: number, viewerId: string | null): Promise<Party[]> {
  return (await readParties(where, order, limit, viewerId)).parties;
}

/** queryParties, also telling how many rows the first read found (a page's look-ahead). */
async function readParties(where: Sql, order: Sql, limit: number, viewerId: string | null) {
  const parties = await db.$queryRaw<RawParty[]>`
    SELECT p."id", p."title", p."details", p."startsAt", p."venue", p."visibility", p."venueHidden", p."revision",
           p."updatedAt", p."mainDish", p."seats", p."seatsTaken", p."plusOnesAllowed",
           p."waitlist", p."rsvpBy", p."guestListHidden", p."hostId", h."username" AS "hostUsername"
    FROM "DinnerParty" p JOIN "User" h ON h."id" = p."hostId"
    WHERE ${where} AND ${visibleTo(viewerId)}
    ORDER BY ${order}
    LIMIT ${limit}`;
  if (parties.length === 0) return { parties: [] as Party[], read: 0 };
  const ids = parties.map((p) => Number(p.id));
  const answers = await db.$queryRaw<RawAnswer[]>`
    SELECT a."partyId", a."userId", u."username", a."response", a."plusOnes", a."queuePos",
           CASE WHEN a."userId" = ${viewerId} THEN a."note" END AS "note"
    FROM "Attendance" a JOIN "User" u ON u."id" = a."userId"
    WHERE a."partyId" IN (${sqlJoin(ids)}) AND a."response" <> 'removed'
    ORDER BY a."partyId", a."createdAt", a."userId"`;
  const byParty = new Map<number, RawAnswer[]>(ids.map((id) => [id, []]));
  for (const a of answers) byParty.get(Number(a.partyId))?.push(a);
  // The two reads are not one snapshot: a party deleted between them has lost
  // its answers, the host's own among them, and is left out as already gone
  // (else it would show with no one going).
  const shaped = parties
    .filter((p) => byParty.get(Number(p.id))?.some((a) => a.userId === p.hostId))
    .map((p) => shapeParty(p, byParty.get(Number(p.id)) ?? [], viewerId));
  return { parties: shaped, read: parties.length };
}

function shapeParty(p: RawParty, answers: RawAnswer[], viewerId: string | null): Party {
  const seats = Number(p.seats);
  const seatsTaken = Number(p.seatsTaken);
  const guestListHidden = rawBool(p.guestListHidden);
  const namesShown = !guestListHidden || viewerId === p.hostId;
  const guests: PartyGuest[] = [];
  const maybe: Party["maybe"] = [];
  const waitlisted: RawAnswer[] = [];
  const counts = { going: 0, maybe: 0, declined: 0, waitlisted: 0 };
  let mine: RawAnswer | undefined;
  for (const a of answers) {
    if (a.userId === viewerId) mine = a;
    const plusOnes = Number(a.plusOnes);
    switch (a.response) {
      case "going":
        counts.going++;
        if (!namesShown) break;
        // The host heads the list whatever the order of the rows.
        if (a.userId === p.hostId) guests.unshift({ userId: a.userId, username: a.username, plusOnes });
        else guests.push({ userId: a.userId, username: a.username, plusOnes });
        break;
      case "maybe":
        counts.maybe++;
        if (namesShown) maybe.push({ userId: a.userId, username: a.username });
        break;
      case "declined":
        counts.declined++;
        break;
      case "waitlisted":
        counts.waitlisted++;
        waitlisted.push(a);
        break;
    }
  }
  let rsvp: Rsvp | null = null;
  if (mine) {
    const response = mine.response as RsvpResponse;
    const place = response === "waitlisted" ? waitlistOrder(waitlisted).indexOf(mine) + 1 : 0;
    rsvp = { response, plusOnes: Number(mine.plusOnes), note: mine.note ?? "", position: place || null };
  }
  const venueHidden = rawBool(p.venueHidden);
  const venueShown = !venueHidden || viewerId === p.hostId || rsvp?.response === "going";
  return {
    id: Number(p.id),
    title: partyTitle(p.title, venueShown ? p.venue : null, p.hostUsername),
    ownTitle: p.title,
    details: p.details,
    startsAt: rawDate(p.startsAt),
    venue: venueShown ? p.venue : null,
    visibility: p.visibility === "invite-only" ? "invite-only" : "listed",
    venueHidden,
    revision: Number(p.revision),
    updatedAt: rawDate(p.updatedAt),
    mainDish: p.mainDish,
    seats,
    seatsTaken,
    seatsLeft: Math.max(0, seats - seatsTaken),
    plusOnesAllowed: Number(p.plusOnesAllowed),
    waitlist: rawBool(p.waitlist),
    rsvpBy: p.rsvpBy === null ? null : rawDate(p.rsvpBy),
    guestListHidden,
    hostId: p.hostId,
    host: { username: p.hostUsername },
    guests,
    maybe,
    counts,
    mine: rsvp,
  };
}

const waitlistOrder = <T extends { queuePos: RawScalar | null }>(rows: T[]) =>
  [...rows].sort((a, b) => Number(a.queuePos) - Number(b.queuePos));

const SOONEST_FIRST = sql`p."startsAt" ASC, p."id" ASC`;
const LATEST_FIRST = sql`p."startsAt" DESC, p."id" DESC`;

/** One party as `viewerId` sees it (pages read it through ./loaders.ts, cached per request). */
export async function findParty(id: number, viewerId: string | null = null): Promise<Party | null> {
  const [party] = await queryParties(sql`p."id" = ${id}`, SOONEST_FIRST, 1, viewerId);
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
// By a cursor (./cursor.ts), repeated here for the pages that list parties.
export { decodeCursor, encodeCursor, type Cursor } from "./cursor";

export const PAGE_SIZE = 20;

/** Upcoming parties, soonest first, `limit` at a time. */
export async function listUpcoming({
  cursor,
  limit = PAGE_SIZE,
  now = new Date(),
  viewerId = null,
}: { cursor?: Cursor | null; limit?: number; now?: Date; viewerId?: string | null } = {}) {
  const after = cursor
    ? sql` AND (p."startsAt" > ${cursor.startsAt} OR (p."startsAt" = ${cursor.startsAt} AND p."id" > ${cursor.id}))`
    : sql``;
  const { parties: rows, read } = await readParties(
    sql`p."startsAt" > ${now}${after}`,
    SOONEST_FIRST,
    limit + 1,
    viewerId,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    parties: page,
    nextCursor: read > limit && last ? encodeCursor(last) : null,
  };
}

/** The parties a user hosts, as `viewerId` sees them: upcoming soonest first, then the past, latest first. */
export async function listHostedBy(hostId: string, now = new Date(), viewerId: string | null = null) {
  const [upcoming, past] = await Promise.all([
    queryParties(sql`p."hostId" = ${hostId} AND p."startsAt" > ${now}`, SOONEST_FIRST, 100, viewerId),
    queryParties(sql`p."hostId" = ${hostId} AND p."startsAt" <= ${now}`, LATEST_FIRST, 20, viewerId),
  ]);
  return { upcoming, past };
}

/** Upcoming parties a user hosts or has answered going, maybe or waitlisted to, soonest first. */
export async function listAttending(userId: string, { limit = 10, now = new Date() } = {}) {
  return queryParties(
    sql`p."startsAt" > ${now} AND EXISTS (SELECT 1 FROM "Attendance" x WHERE x."partyId" = p."id" AND x."userId" = ${userId} AND x."response" IN ('going', 'maybe', 'waitlisted'))`,
    SOONEST_FIRST,
    limit,
    userId,
  );
}

/**
 * A person's calendar feed: the parties they host or are going or maybe to,
 * from `since` on (a calendar keeps the recent past), soonest first, as they see them.
 */
export async function listCalendar(userId: string, since: Date, limit = 500) {
  return queryParties(
    sql`p."startsAt" > ${since} AND (p."hostId" = ${userId} OR EXISTS (SELECT 1 FROM "Attendance" x WHERE x."partyId" = p."id" AND x."userId" = ${userId} AND x."response" IN ('going', 'maybe')))`,
    SOONEST_FIRST,
    limit,
    userId,
  );
}

/** A line of the host's guest list (page, CSV, GET …/guests). */
export type GuestListEntry = {
  username: string;
  response: RsvpResponse;
  plusOnes: number;
  note: string;
  /** 1-based, only while waitlisted */
  position: number | null;
  answeredAt: Date;
};

/**
 * Every answer to a party, for its host only: null unless `hostId` hosts it.
 * Going first (the host heading it), then maybe, can't go and the waitlist
 * in its order; each group in the order people answered.
 */
export async function listGuests(partyId: number, hostId: string): Promise<GuestListEntry[] | null> {
  const rows = await db.$queryRaw<(RawAnswer & { answeredAt: RawScalar; note: string; isHost: RawScalar | boolean })[]>`
    SELECT a."partyId", a."userId", u."username", a."response", a."plusOnes", a."queuePos", a."note",
           a."answeredAt", CASE WHEN a."userId" = p."hostId" THEN 1 ELSE 0 END AS "isHost"
    FROM "DinnerParty" p
    JOIN "Attendance" a ON a."partyId" = p."id" AND a."response" <> 'removed'
    JOIN "User" u ON u."id" = a."userId"
    WHERE p."id" = ${partyId} AND p."hostId" = ${hostId}
    ORDER BY a."createdAt", a."userId"`;
  if (rows.length === 0) return null; // the host's own answer is always there
  const rank = { going: 0, maybe: 1, declined: 2, waitlisted: 3 } as Record<string, number>;
  const waitlisted = waitlistOrder(rows.filter((r) => r.response === "waitlisted"));
  const ordered = [...rows].sort(
    (a, b) =>
      rank[a.response]! - rank[b.response]! ||
      Number(rawBool(b.isHost)) - Number(rawBool(a.isHost)) ||
      (a.response === "waitlisted" ? waitlisted.indexOf(a) - waitlisted.indexOf(b) : 0),
  );
  return ordered.map((r) => ({
    username: r.username,
    response: r.response as RsvpResponse,
    plusOnes: Number(r.plusOnes),
    note: r.note,
    position: r.response === "waitlisted" ? waitlisted.indexOf(r) + 1 : null,
    answeredAt: rawDate(r.answeredAt),
  }));
}
