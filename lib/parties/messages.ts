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
