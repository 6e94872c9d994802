import "server-only";
import { provider, rawBool, rawDate, sql, type RawScalar, type Tx } from "@/lib/db";
import { notifyPromoted } from "@/lib/notifications/mutations";
import { visibleTo } from "@/lib/party-access/data";
import type { RsvpResponse } from "../party";

// The party lock and the seat guard, which every write to a party's answers
// goes through (./answers.ts, ./host-writes.ts, ./account-deletion.ts).
//
// The capacity guard is one conditional UPDATE:
//   seatsTaken = seatsTaken + n WHERE id = ? AND seatsTaken + n <= seats
// which both databases apply atomically — PostgreSQL re-checks the condition
// on the latest row version even at READ COMMITTED — so no number of
// simultaneous answers can overbook a party.
//
// Every write to a party's answers starts by locking the party's row (FOR
// UPDATE on PostgreSQL; SQLite's transactions are serialised already, see
// lib/db/sqlite-adapter.ts) and only then reads the answer it changes, in a
// statement of its own — at READ COMMITTED a statement started after the lock
// sees every change committed before it. So the answer read is the answer
// written, and the waitlist read by a promotion is the waitlist as it stands:
// nobody is promoted twice, and seatsTaken stays Σ going (1 + plusOnes)
// (docs/decisions/022-guest-answers-and-waitlist.md).

export type LockedParty = {
  hostId: string;
  hostUsername: string;
  hostEmail: string;
  /** the zone the host's mail is written in (null: UTC) */
  hostTimeZone: string | null;
  /** the host's "Someone answers my party's invitation" */
  hostWantsAnswers: boolean;
  title: string | null;
  /** the username of the viewer it was locked for (null when locked for the host) */
  viewerName: string | null;
  startsAt: Date;
  venue: string;
  rsvpBy: Date | null;
  seats: number;
  seatsTaken: number;
  plusOnesAllowed: number;
  waitlist: boolean;
};

const FOR_UPDATE = provider === "postgresql" ? sql`FOR UPDATE OF p` : sql``;

/**
 * Lock the party's row for the rest of the transaction and read it, if `by`
 * may see it (lib/party-access `visibleTo`); `{ host }`: only if that user hosts it.
 */
export async function lockParty(
  tx: Tx,
  partyId: number,
  by: { host: string } | { viewer: string },
): Promise<LockedParty | null> {
  const rows = await tx.$queryRaw<
    {
      hostId: string;
      hostUsername: string;
      hostEmail: string;
      hostTimeZone: string | null;
      hostWantsAnswers: RawScalar | boolean;
      title: string | null;
      viewerName: string | null;
      startsAt: RawScalar;
      venue: string;
      rsvpBy: RawScalar | null;
      seats: RawScalar;
      seatsTaken: RawScalar;
      plusOnesAllowed: RawScalar;
      waitlist: RawScalar | boolean;
    }[]
  >`
    SELECT p."hostId", h."username" AS "hostUsername", h."email" AS "hostEmail", h."timeZone" AS "hostTimeZone",
           h."notifyRsvps" AS "hostWantsAnswers",
           p."title", p."startsAt", p."venue", p."rsvpBy", p."seats", p."seatsTaken", p."plusOnesAllowed", p."waitlist",
           ${"viewer" in by ? sql`(SELECT v."username" FROM "User" v WHERE v."id" = ${by.viewer})` : sql`NULL`} AS "viewerName"
    FROM "DinnerParty" p JOIN "User" h ON h."id" = p."hostId"
    WHERE p."id" = ${partyId} AND ${"host" in by ? sql`p."hostId" = ${by.host}` : visibleTo(by.viewer)}
    ${FOR_UPDATE}`;
  const p = rows[0];
  if (!p) return null;
  return {
    hostId: p.hostId,
    hostUsername: p.hostUsername,
    hostEmail: p.hostEmail,
    hostTimeZone: p.hostTimeZone,
    hostWantsAnswers: rawBool(p.hostWantsAnswers),
    title: p.title,
    viewerName: p.viewerName,
    startsAt: rawDate(p.startsAt),
    venue: p.venue,
    rsvpBy: p.rsvpBy === null ? null : rawDate(p.rsvpBy),
    seats: Number(p.seats),
    seatsTaken: Number(p.seatsTaken),
    plusOnesAllowed: Number(p.plusOnesAllowed),
    waitlist: rawBool(p.waitlist),
  };
}

export type StoredAnswer = {
  response: RsvpResponse | "removed";
  plusOnes: number;
  note: string;
  queuePos: number | null;
};

/** A guest's answer, read after the lock (its own statement: see the top of this file). */
export async function readAnswer(tx: Tx, partyId: number, userId: string): Promise<StoredAnswer | null> {
  const rows = await tx.$queryRaw<
    { response: string; plusOnes: RawScalar; note: string; queuePos: RawScalar | null }[]
  >`
    SELECT "response", "plusOnes", "note", "queuePos" FROM "Attendance"
    WHERE "partyId" = ${partyId} AND "userId" = ${userId}`;
  const a = rows[0];
  if (!a) return null;
  return {
    response: a.response as StoredAnswer["response"],
    plusOnes: Number(a.plusOnes),
    note: a.note,
    queuePos: a.queuePos === null ? null : Number(a.queuePos),
  };
}

/** The guard: take `n` seats only if they are free, in one atomic statement. */
export async function takeSeats(tx: Tx, partyId: number, n: number): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "DinnerParty" SET "seatsTaken" = "seatsTaken" + ${n}
    WHERE "id" = ${partyId} AND "seatsTaken" + ${n} <= "seats"`;
  return count === 1;
}

export async function freeSeats(tx: Tx, partyId: number, n: number): Promise<void> {
  await tx.$executeRaw`UPDATE "DinnerParty" SET "seatsTaken" = "seatsTaken" - ${n} WHERE "id" = ${partyId}`;
}

/**
 * Seats came free (`free` of them now): seat the waitlist in the order of
 * joining; a guest whose party does not fit is skipped and keeps their place.
 * Runs under the party lock, in the transaction that freed the seats.
 */
export async function promoteWaitlist(tx: Tx, partyId: number, free: number): Promise<void> {
  if (free <= 0) return;
  const waiting = await tx.$queryRaw<{ userId: string; plusOnes: RawScalar }[]>`
    SELECT "userId", "plusOnes" FROM "Attendance"
    WHERE "partyId" = ${partyId} AND "queuePos" IS NOT NULL AND "response" = 'waitlisted'
    ORDER BY "queuePos"`;
  const promoted: string[] = [];
  let seats = 0;
  for (const w of waiting) {
    const need = 1 + Number(w.plusOnes);
    if (need > free) continue;
    promoted.push(w.userId);
    free -= need;
    seats += need;
    if (free === 0) break;
  }
  if (promoted.length === 0) return;
  const moved = await tx.attendance.updateMany({
    where: { partyId, userId: { in: promoted }, response: "waitlisted" },
    data: { response: "going", queuePos: null },
  });
  // Both cannot fail under the lock; if they ever did, the whole change rolls back.
  if (moved.count !== promoted.length || !(await takeSeats(tx, partyId, seats)))
    throw new Error(`waitlist of party ${partyId} changed under its lock`);
  await notifyPromoted(tx, partyId, promoted);
}

/** The 1-based place in the waitlist of the guest holding `queuePos`. */
export async function waitlistPosition(tx: Tx, partyId: number, queuePos: number): Promise<number> {
  const rows = await tx.$queryRaw<{ n: RawScalar }[]>`
    SELECT COUNT(*) AS "n" FROM "Attendance"
    WHERE "partyId" = ${partyId} AND "queuePos" IS NOT NULL AND "queuePos" <= ${queuePos}`;
  return Number(rows[0]?.n ?? 1);
}
