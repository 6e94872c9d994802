import "server-only";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { dropClaims } from "@/lib/dishes/mutations";
import { notifyHostOfAnswer, type AnswerContext, type AnswerNotice } from "@/lib/notifications/mutations";
import type { RsvpResponse } from "../party";
import type { AnswerOutcome, AnswerResult, AnswerWish, CancelResult, RsvpResult } from "../results";
import {
  freeSeats,
  lockParty,
  promoteWaitlist,
  readAnswer,
  takeSeats,
  waitlistPosition,
  type LockedParty,
} from "./seats";

// Guests' answers: going, maybe, can't go, plus-ones, the waitlist, and
// cancelling — each under the party lock, through the seat guard (./seats.ts).

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

export async function leaveLocked(tx: Tx, partyId: number, userId: string, party: LockedParty): Promise<CancelResult> {
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
