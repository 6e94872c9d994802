import "server-only";
import { db, provider, rawBool, rawDate, sql, type RawScalar, type Tx } from "@/lib/db";
import { dropClaims } from "@/lib/dishes/mutations";
import { isUniqueViolation } from "@/lib/db/errors";
import { newTokenSecret } from "@/lib/tokens";
import {
  notifyHostOfAnswer,
  notifyPartyChanged,
  notifyPartyDeleted,
  notifyPromoted,
  type AnswerContext,
  type AnswerNotice,
} from "@/lib/notifications/mutations";
import { hit, RATE_LIMITS, type Hit } from "@/lib/rate-limit/mutations";
import { findParty, visibleTo, type Answer, type Party, type Rsvp, type RsvpResponse } from "./data";
import type { PartyInput, PartyPatch } from "./schema";

// Writes. Ownership is part of every `where` (a non-host's write matches no
// row), and the capacity guard is one conditional UPDATE:
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

// Write floods: per user, 30 new parties and 30 RSVP calls (RSVP or cancel)
// a minute. Counted before the write, shared by every instance.

export function partyCreationAllowed(userId: string): Promise<Hit> {
  return hit(`party:create:${userId}`, RATE_LIMITS.createPartyPerUser);
}

export function rsvpAllowed(userId: string): Promise<Hit> {
  return hit(`party:rsvp:${userId}`, RATE_LIMITS.rsvpPerUser);
}

export async function createParty(hostId: string, input: PartyInput): Promise<Party> {
  // One write: the party and the host's own place at the table.
  const { id } = await db.dinnerParty.create({
    data: {
      ...input,
      hostId,
      seatsTaken: 1,
      inviteSecret: newTokenSecret(),
      attendances: { create: { userId: hostId, response: "going" } },
    },
    select: { id: true },
  });
  const party = await findParty(id, hostId);
  if (!party) throw new Error(`party ${id} vanished after it was created`);
  return party;
}

type HostWrite = { status: "ok" } | { status: "not_found" } | { status: "forbidden" };

/**
 * After a host-only write matched nothing: was the party missing (or one the
 * caller may not see, which must look the same), or someone else's?
 */
async function whyNot(
  id: number,
  callerId: string,
  tx: Tx = db,
): Promise<{ status: "not_found" } | { status: "forbidden" }> {
  const seen = await tx.$queryRaw<{ id: RawScalar }[]>`
    SELECT p."id" FROM "DinnerParty" p WHERE p."id" = ${id} AND ${visibleTo(callerId)}`;
  return seen.length > 0 ? { status: "forbidden" } : { status: "not_found" };
}

// ------------------------------------------------------------ the party lock

type LockedParty = {
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
 * may see it (./data.ts `visibleTo`); `{ host }`: only if that user hosts it.
 */
async function lockParty(
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

type StoredAnswer = { response: RsvpResponse | "removed"; plusOnes: number; note: string; queuePos: number | null };

/** A guest's answer, read after the lock (its own statement: see the top of this file). */
async function readAnswer(tx: Tx, partyId: number, userId: string): Promise<StoredAnswer | null> {
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

/** The host's answer mail, from the locked row (the host sees the venue, hidden or not). */
function answerContext(partyId: number, p: LockedParty): AnswerContext {
  return {
    partyId,
    hostId: p.hostId,
    hostEmail: p.hostEmail,
    hostTimeZone: p.hostTimeZone,
    hostUsername: p.hostUsername,
    hostWantsAnswers: p.hostWantsAnswers,
    title: p.title,
    venue: p.venue,
    startsAt: p.startsAt,
    guest: p.viewerName ?? "A guest",
  };
}

/** The guard: take `n` seats only if they are free, in one atomic statement. */
async function takeSeats(tx: Tx, partyId: number, n: number): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "DinnerParty" SET "seatsTaken" = "seatsTaken" + ${n}
    WHERE "id" = ${partyId} AND "seatsTaken" + ${n} <= "seats"`;
  return count === 1;
}

async function freeSeats(tx: Tx, partyId: number, n: number): Promise<void> {
  await tx.$executeRaw`UPDATE "DinnerParty" SET "seatsTaken" = "seatsTaken" - ${n} WHERE "id" = ${partyId}`;
}

/**
 * Seats came free (`free` of them now): seat the waitlist in the order of
 * joining; a guest whose party does not fit is skipped and keeps their place.
 * Runs under the party lock, in the transaction that freed the seats.
 */
async function promoteWaitlist(tx: Tx, partyId: number, free: number): Promise<void> {
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
async function waitlistPosition(tx: Tx, partyId: number, queuePos: number): Promise<number> {
  const rows = await tx.$queryRaw<{ n: RawScalar }[]>`
    SELECT COUNT(*) AS "n" FROM "Attendance"
    WHERE "partyId" = ${partyId} AND "queuePos" IS NOT NULL AND "queuePos" <= ${queuePos}`;
  return Number(rows[0]?.n ?? 1);
}

// ------------------------------------------------------------ host writes

export type PartyWriteRefusal =
  | { status: "seats_below_attendees"; seatsTaken: number }
  | { status: "rsvp_by_after_start" }
  | { status: "rsvp_by_past" };

export async function updateParty(
  id: number,
  hostId: string,
  patch: PartyPatch,
  now = new Date(),
): Promise<HostWrite | PartyWriteRefusal> {
  return db.$transaction(async (tx): Promise<HostWrite | PartyWriteRefusal> => {
    const party = await lockParty(tx, id, { host: hostId });
    if (!party) return whyNot(id, hostId, tx);
    if (patch.seats !== undefined && patch.seats < party.seatsTaken)
      return { status: "seats_below_attendees", seatsTaken: party.seatsTaken };
    const startsAt = patch.startsAt ?? party.startsAt;
    const rsvpBy = patch.rsvpBy !== undefined ? patch.rsvpBy : party.rsvpBy;
    if (rsvpBy && rsvpBy >= startsAt) return { status: "rsvp_by_after_start" };
    // A deadline already passed may stay (the edit form sends it back); a new one must be ahead.
    if (patch.rsvpBy && patch.rsvpBy.getTime() !== party.rsvpBy?.getTime() && patch.rsvpBy <= now)
      return { status: "rsvp_by_past" };
    // The revision is the calendar files' SEQUENCE: every saved change moves it.
    await tx.dinnerParty.update({
      where: { id },
      data: { ...patch, revision: { increment: 1 } },
      select: { id: true },
    });
    if (patch.seats !== undefined && patch.seats > party.seats)
      await promoteWaitlist(tx, id, patch.seats - party.seatsTaken);
    await notifyPartyChanged(tx, id, {
      date: patch.startsAt !== undefined && patch.startsAt.getTime() !== party.startsAt.getTime(),
      venue: patch.venue !== undefined && patch.venue !== party.venue,
    });
    return { status: "ok" };
  });
}

export async function deleteParty(id: number, hostId: string, now = new Date()): Promise<HostWrite> {
  return db.$transaction(async (tx): Promise<HostWrite> => {
    const party = await lockParty(tx, id, { host: hostId });
    if (!party) return whyNot(id, hostId, tx);
    // The guests hear of it from this transaction: a deletion that rolls back mails nobody.
    if (party.startsAt > now) await notifyPartyDeleted(tx, id);
    // Answers go with it (ON DELETE CASCADE).
    await tx.dinnerParty.delete({ where: { id }, select: { id: true } });
    return { status: "ok" };
  });
}

export type RemoveGuestResult =
  { status: "ok" } | { status: "not_found" } | { status: "forbidden" } | { status: "host" } | { status: "not_a_guest" };

/** The host removes a guest: their seats are freed, the waitlist moves, and they cannot answer again. */
export async function removeGuest(partyId: number, hostId: string, username: string): Promise<RemoveGuestResult> {
  return db.$transaction(async (tx): Promise<RemoveGuestResult> => {
    const party = await lockParty(tx, partyId, { host: hostId });
    if (!party) return whyNot(partyId, hostId, tx);
    const guest = await tx.user.findUnique({ where: { username: username.toLowerCase() }, select: { id: true } });
    if (!guest) return { status: "not_a_guest" };
    if (guest.id === hostId) return { status: "host" };
    const answer = await readAnswer(tx, partyId, guest.id);
    if (!answer || answer.response === "removed") return { status: "not_a_guest" };
    await tx.attendance.update({
      where: { partyId_userId: { partyId, userId: guest.id } },
      data: { response: "removed", plusOnes: 0, queuePos: null },
    });
    if (answer.response === "going") {
      await dropClaims(tx, partyId, guest.id);
      const freed = 1 + answer.plusOnes;
      await freeSeats(tx, partyId, freed);
      await promoteWaitlist(tx, partyId, party.seats - party.seatsTaken + freed);
    }
    return { status: "ok" };
  });
}

// ------------------------------------------------------------ guests' answers

export type AnswerWish = { response: Answer; plusOnes?: number; note?: string };

export type AnswerOutcome = Answer | "waitlisted" | "updated";

export type AnswerResult =
  | { status: "ok"; outcome: AnswerOutcome; hostUsername: string; startsAt: Date; rsvp: Rsvp }
  | { status: "not_found" }
  | { status: "past" }
  | { status: "closed" }
  | { status: "host" }
  | { status: "removed" }
  | { status: "already" }
  | { status: "full" }
  | { status: "no_room_for_plus_ones" }
  | { status: "too_many_plus_ones"; allowed: number };

/**
 * Answer a party, or change the answer (PUT /api/parties/{id}/rsvp, the
 * party page's buttons). `only: "new-going"` is an RSVP (rsvpGoing): going, and
 * refused as "already" when the guest is going or waitlisted.
 */
export async function answerParty(
  partyId: number,
  userId: string,
  wish: AnswerWish,
  { now = new Date(), only }: { now?: Date; only?: "new-going" } = {},
): Promise<AnswerResult> {
  try {
    return await db.$transaction((tx) => answerLocked(tx, partyId, userId, wish, now, only));
  } catch (error) {
    // A second guard: the primary key refuses a second answer should two
    // ever be written at once (the lock makes it not happen).
    if (isUniqueViolation(error)) return { status: "already" };
    throw error;
  }
}

async function answerLocked(
  tx: Tx,
  partyId: number,
  userId: string,
  wish: AnswerWish,
  now: Date,
  only: "new-going" | undefined,
): Promise<AnswerResult> {
  const party = await lockParty(tx, partyId, { viewer: userId });
  if (!party) return { status: "not_found" };
  const mine = await readAnswer(tx, partyId, userId);
  if (party.hostId === userId) return { status: only ? "already" : "host" };
  if (mine?.response === "removed") return { status: "removed" };
  if (party.startsAt <= now) return { status: "past" };
  if (only && (mine?.response === "going" || mine?.response === "waitlisted")) return { status: "already" };
  if (party.rsvpBy && party.rsvpBy <= now) return { status: "closed" };

  const going = wish.response === "going";
  const plusOnes = going ? (wish.plusOnes ?? 0) : 0;
  // A guest keeps plus-ones the host allowed before lowering the limit, but cannot add more.
  const held = mine?.response === "going" || mine?.response === "waitlisted" ? mine.plusOnes : 0;
  if (plusOnes > Math.max(party.plusOnesAllowed, held))
    return { status: "too_many_plus_ones", allowed: party.plusOnesAllowed };
  const note = wish.note ?? mine?.note ?? "";
  let free = party.seats - party.seatsTaken;
  let response: RsvpResponse = wish.response;
  let queuePos: number | null = null;
  let outcome: AnswerOutcome = mine?.response === wish.response ? "updated" : wish.response;
  /** seats came free, or a waitlisted guest now needs fewer: the waitlist may move */
  let mayPromote = false;

  if (going && mine?.response === "going") {
    const more = plusOnes - mine.plusOnes;
    if (more > 0 && !(await takeSeats(tx, partyId, more))) return { status: "no_room_for_plus_ones" };
    if (more < 0) await freeSeats(tx, partyId, -more);
    free -= more;
    mayPromote = more < 0;
  } else if (going && mine?.response === "waitlisted") {
    response = "waitlisted";
    queuePos = mine.queuePos;
    outcome = "updated";
    mayPromote = plusOnes < mine.plusOnes;
  } else if (going) {
    const need = 1 + plusOnes;
    if (await takeSeats(tx, partyId, need)) {
      free -= need;
    } else if (party.waitlist) {
      response = "waitlisted";
      outcome = "waitlisted";
      const seq = await tx.dinnerParty.update({
        where: { id: partyId },
        data: { waitlistSeq: { increment: 1 } },
        select: { waitlistSeq: true },
      });
      queuePos = seq.waitlistSeq;
    } else {
      return { status: need > 1 && free >= 1 ? "no_room_for_plus_ones" : "full" };
    }
  } else if (mine?.response === "going") {
    // Not going any more: what they were bringing is free for others, in this transaction.
    await dropClaims(tx, partyId, userId);
    const freed = 1 + mine.plusOnes;
    await freeSeats(tx, partyId, freed);
    free += freed;
    mayPromote = true;
  }

  const data = { response, plusOnes, note, queuePos, answeredAt: now };
  if (mine)
    await tx.attendance.update({ where: { partyId_userId: { partyId, userId } }, data, select: { userId: true } });
  else await tx.attendance.create({ data: { partyId, userId, ...data }, select: { userId: true } });

  if (mayPromote) await promoteWaitlist(tx, partyId, free);
  // A waitlisted guest who asked for fewer plus-ones may have been seated just now.
  if (mayPromote && response === "waitlisted") {
    const after = await readAnswer(tx, partyId, userId);
    if (after?.response === "going") {
      response = "going";
      queuePos = null;
      outcome = "going";
    }
  }
  const position = queuePos === null ? null : await waitlistPosition(tx, partyId, queuePos);
  // The same answer sent again is no news.
  if (!mine || mine.response !== response || mine.plusOnes !== plusOnes || mine.note !== note)
    await notifyHostOfAnswer(tx, answerContext(partyId, party), {
      news: response,
      plusOnes,
      note,
      changed: mine !== null,
      noteOnly: mine !== null && mine.response === response && mine.plusOnes === plusOnes,
    } satisfies AnswerNotice);
  return {
    status: "ok",
    outcome,
    hostUsername: party.hostUsername,
    startsAt: party.startsAt,
    rsvp: { response, plusOnes, note, position },
  };
}

/** An answer's result, where the host is "already" at the table rather than refused. */
export type RsvpResult = Exclude<AnswerResult, { status: "host" }>;

/**
 * RSVP as going — the "RSVP" button of /rsvp, the Party ID form, POST …/rsvp:
 * a maybe or can't-go becomes going; someone going or waitlisted already is
 * told so, and so is the host. answerParty changes any answer to any other.
 */
export async function rsvpGoing(partyId: number, userId: string, now = new Date(), plusOnes = 0): Promise<RsvpResult> {
  const result = await answerParty(partyId, userId, { response: "going", plusOnes }, { now, only: "new-going" });
  // The host answering is "already" here: they are at the table.
  return result.status === "host" ? { status: "already" } : result;
}

export type CancelResult =
  { status: "ok" } | { status: "not_found" } | { status: "not_attending" } | { status: "host" };

/** Remove one's answer (going, maybe, can't go) or leave the waitlist; a going guest's seats go to the waitlist. */
export async function cancelRsvp(partyId: number, userId: string): Promise<CancelResult> {
  return db.$transaction(async (tx): Promise<CancelResult> => {
    const party = await lockParty(tx, partyId, { viewer: userId });
    if (!party) return { status: "not_found" };
    if (party.hostId === userId) return { status: "host" };
    const left = await leaveLocked(tx, partyId, userId, party);
    if (left.status === "ok")
      await notifyHostOfAnswer(tx, answerContext(partyId, party), {
        news: "cancelled",
        plusOnes: 0,
        note: "",
        changed: true,
      });
    return left;
  });
}

async function leaveLocked(tx: Tx, partyId: number, userId: string, party: LockedParty): Promise<CancelResult> {
  const mine = await readAnswer(tx, partyId, userId);
  if (!mine || mine.response === "removed") return { status: "not_attending" };
  await tx.attendance.delete({ where: { partyId_userId: { partyId, userId } }, select: { userId: true } });
  if (mine.response === "going") {
    await dropClaims(tx, partyId, userId);
    const freed = 1 + mine.plusOnes;
    await freeSeats(tx, partyId, freed);
    await promoteWaitlist(tx, partyId, party.seats - party.seatsTaken + freed);
  }
  return { status: "ok" };
}

/**
 * A host's account is going away (lib/users/mutations.ts, in its
 * transaction): the guests of each upcoming party of theirs hear that it is
 * cancelled before the parties go with the account.
 */
export async function cancelHostedParties(tx: Tx, hostId: string, now = new Date()): Promise<void> {
  const rows = await tx.dinnerParty.findMany({
    where: { hostId, startsAt: { gt: now } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of rows) await notifyPartyDeleted(tx, id);
}

/**
 * An account is going away (lib/users/mutations.ts, in its transaction): its
 * answers to other people's parties are removed one party at a time, under
 * each party's lock, so their seats go to those waitlists.
 */
export async function leaveEveryParty(tx: Tx, userId: string): Promise<void> {
  const rows = await tx.attendance.findMany({
    where: { userId, party: { hostId: { not: userId } } },
    select: { partyId: true },
    orderBy: { partyId: "asc" },
  });
  for (const { partyId } of rows) {
    // Their own answers make each party visible to them (a removed guest's are skipped by leaveLocked anyway).
    const party = await lockParty(tx, partyId, { viewer: userId });
    if (party) await leaveLocked(tx, partyId, userId, party);
  }
}
