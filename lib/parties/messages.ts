import { INVALID_PARTY_ID, NOT_THE_HOST, PARTY_NOT_FOUND, type Refusal } from "@/lib/party-access/messages";
import type { AnswerResult, CancelResult, RemoveGuestResult, RsvpResult } from "./results";

// The contract's words for parties (shared/design.md), used by pages and the
// API. The three every domain about a party answers with, and the shape of a
// refusal, are lib/party-access's, repeated here so the parties' words are one file.
export { INVALID_PARTY_ID, NOT_THE_HOST, PARTY_NOT_FOUND, type Refusal };
export const PARTY_FULL = "Sorry, this dinner party is full.";
export const ALREADY_RSVPD = "You have already RSVP'd to this dinner party.";
export const RSVP_CANCELLED = "Your RSVP has been cancelled.";
export const PARTY_CREATED = "Your dinner party has been created.";
export const CHANGES_SAVED = "Your changes have been saved.";
export const PARTY_DELETED = "Your dinner party has been deleted.";
export const PARTY_PAST = "Sorry, this dinner party has already taken place.";
export const NOT_ATTENDING = "You have not RSVP'd to this dinner party.";
export const HOST_CANNOT_CANCEL = "As the host you cannot cancel your own attendance; delete the party instead.";

// Invitations and privacy.
export const VENUE_HIDDEN = "The venue is shared with guests who are going.";

export function rsvpAccepted(host: string, date: string): string {
  return `You successfully RSVP'd to ${host}'s dinner party on ${date}!`;
}

export const RSVP_BY_AFTER_START = "Choose an RSVP deadline before the party starts.";
export const RSVP_BY_PAST = "Choose an RSVP deadline in the future.";

export function seatsBelowAttendees(seatsTaken: number): string {
  return `${seatsTaken} people are already coming: the party needs at least ${seatsTaken} seats.`;
}

// Answers, plus-ones and the waitlist.
export const RSVP_UPDATED = "Your RSVP has been updated.";
export const NO_ROOM_FOR_PLUS_ONES = "Sorry, there are not enough seats left for your plus-ones.";
export const RSVPS_CLOSED = "RSVPs for this dinner party are closed.";
export const REMOVED_BY_HOST = "The host has removed you from this dinner party.";
export const HOST_ALWAYS_GOING = "As the host you are always going to your own dinner party.";
export const NOT_A_GUEST = "This person has not answered this dinner party.";
export const HOST_CANNOT_BE_REMOVED = "The host cannot be removed from their own dinner party.";
export const ONLY_HOST_SEES_GUESTS = "Only the host can see the whole guest list.";

export function maybeAccepted(host: string, date: string): string {
  return `You're a maybe for ${host}'s dinner party on ${date}.`;
}

export function declineAccepted(host: string): string {
  return `Thanks for letting ${host} know you can't make it.`;
}

export function waitlistJoined(position: number): string {
  return `This dinner party is full. You're number ${position} on the waitlist.`;
}

export function guestRemoved(username: string): string {
  return `${username} has been removed from your dinner party.`;
}

export function tooManyPlusOnes(allowed: number): string {
  return allowed === 0
    ? "This dinner party does not allow plus-ones."
    : `This dinner party allows at most ${allowed} plus-one${allowed === 1 ? "" : "s"} per guest.`;
}

/** What an accepted answer says; `date` is the party's date as the person reads it. */
export function answerAccepted(result: Extract<AnswerResult, { status: "ok" }>, date: string): string {
  switch (result.outcome) {
    case "going":
      return rsvpAccepted(result.hostUsername, date);
    case "maybe":
      return maybeAccepted(result.hostUsername, date);
    case "declined":
      return declineAccepted(result.hostUsername);
    case "waitlisted":
      return waitlistJoined(result.rsvp.position ?? 1);
    case "updated":
      return RSVP_UPDATED;
  }
}

/** Why an answer (or an RSVP) was refused: the message people read and the status the API answers with. */
export function answerRefused(result: Exclude<AnswerResult | RsvpResult, { status: "ok" }>): Refusal {
  switch (result.status) {
    case "not_found":
      return { status: 404, message: INVALID_PARTY_ID };
    case "past":
      return { status: 409, message: PARTY_PAST };
    case "closed":
      return { status: 409, message: RSVPS_CLOSED };
    case "host":
      return { status: 409, message: HOST_ALWAYS_GOING };
    case "removed":
      return { status: 403, message: REMOVED_BY_HOST };
    case "already":
      return { status: 409, message: ALREADY_RSVPD };
    case "full":
      return { status: 409, message: PARTY_FULL };
    case "no_room_for_plus_ones":
      return { status: 409, message: NO_ROOM_FOR_PLUS_ONES };
    case "too_many_plus_ones": {
      const message = tooManyPlusOnes(result.allowed);
      return { status: 400, message, errors: { plusOnes: [message] } };
    }
  }
}

/** Why the host could not remove a guest. */
export const REMOVE_REFUSED = {
  not_found: { status: 404, message: PARTY_NOT_FOUND },
  forbidden: { status: 403, message: NOT_THE_HOST },
  host: { status: 409, message: HOST_CANNOT_BE_REMOVED },
  not_a_guest: { status: 404, message: NOT_A_GUEST },
} as const satisfies Record<Exclude<RemoveGuestResult["status"], "ok">, Refusal>;

/** Why cancelling an RSVP was refused. */
export const CANCEL_REFUSED = {
  not_found: { status: 404, message: PARTY_NOT_FOUND },
  not_attending: { status: 404, message: NOT_ATTENDING },
  host: { status: 409, message: HOST_CANNOT_CANCEL },
} as const satisfies Record<Exclude<CancelResult["status"], "ok">, Refusal>;
