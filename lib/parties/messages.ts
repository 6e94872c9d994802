import type { CancelResult, RsvpResult } from "./mutations";

// The contract's words for parties (shared/design.md), used by pages and the API.
export const INVALID_PARTY_ID = "Please enter a valid Party ID to RSVP!";
export const PARTY_FULL = "Sorry, this dinner party is full.";
export const ALREADY_RSVPD = "You have already RSVP'd to this dinner party.";
export const RSVP_CANCELLED = "Your RSVP has been cancelled.";
export const PARTY_CREATED = "Your dinner party has been created.";
export const CHANGES_SAVED = "Your changes have been saved.";
export const PARTY_DELETED = "Your dinner party has been deleted.";
export const PARTY_PAST = "Sorry, this dinner party has already taken place.";
export const NOT_ATTENDING = "You have not RSVP'd to this dinner party.";
export const HOST_CANNOT_CANCEL = "As the host you cannot cancel your own attendance; delete the party instead.";
export const NOT_THE_HOST = "Only the host can change this dinner party.";
export const PARTY_NOT_FOUND = "There is no dinner party with this ID.";

export function rsvpAccepted(host: string, date: string): string {
  return `You successfully RSVP'd to ${host}'s dinner party on ${date}!`;
}

export function seatsBelowAttendees(seatsTaken: number): string {
  return `${seatsTaken} people are already coming: the party needs at least ${seatsTaken} seats.`;
}

type Refusal = { status: 404 | 409; message: string };

/** Why an RSVP was refused: the message people read and the status the API answers with. */
export const RSVP_REFUSED = {
  not_found: { status: 404, message: INVALID_PARTY_ID },
  past: { status: 409, message: PARTY_PAST },
  already: { status: 409, message: ALREADY_RSVPD },
  full: { status: 409, message: PARTY_FULL },
} as const satisfies Record<Exclude<RsvpResult["status"], "ok">, Refusal>;

/** Why cancelling an RSVP was refused. */
export const CANCEL_REFUSED = {
  not_found: { status: 404, message: PARTY_NOT_FOUND },
  not_attending: { status: 404, message: NOT_ATTENDING },
  host: { status: 409, message: HOST_CANNOT_CANCEL },
} as const satisfies Record<Exclude<CancelResult["status"], "ok">, Refusal>;
