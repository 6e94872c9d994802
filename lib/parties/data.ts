import "server-only";
import { cache } from "react";
import { db, type Prisma } from "@/lib/db";

// Reads for pages and the API. Every list is one query for the parties plus
// one for their guests (Prisma batches the relation with IN), whatever the
// number of parties or guests; only the fields shown are selected.

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

/** One party; cached per request, so a page and its metadata share the query. */
export const getParty = cache(async (id: number): Promise<PartyView | null> => {
  const row = await db.dinnerParty.findUnique({ where: { id }, select: partySelect });
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
  const rows = await db.dinnerParty.findMany({
    where: {
      startsAt: { gt: now },
      ...(cursor && {
        OR: [{ startsAt: { gt: cursor.startsAt } }, { startsAt: cursor.startsAt, id: { gt: cursor.id } }],
      }),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: partySelect,
  });
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
    db.dinnerParty.findMany({
      where: { hostId, startsAt: { gt: now } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: partySelect,
      take: 100,
    }),
    db.dinnerParty.findMany({
      where: { hostId, startsAt: { lte: now } },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      select: partySelect,
      take: 20,
    }),
  ]);
  return { upcoming: upcoming.map(toView), past: past.map(toView) };
}

/** Upcoming parties a user hosts or attends, soonest first. */
export async function listAttending(userId: string, { limit = 10, now = new Date() } = {}) {
  const rows = await db.dinnerParty.findMany({
    where: { startsAt: { gt: now }, attendances: { some: { userId } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
    select: partySelect,
  });
  return rows.map(toView);
}
