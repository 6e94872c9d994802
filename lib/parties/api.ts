import "server-only";
import { ApiError } from "@/lib/http/api";
import type { GuestListEntry, Party, Rsvp } from "./data";
import { PARTY_NOT_FOUND } from "./messages";
import { parsePartyId } from "./schema";

/** The JSON API's Party (shared/design.md), as the caller may see it (./data.ts hides what they may not). */
export function toApiParty(p: Party) {
  return {
    id: p.id,
    date: p.startsAt.toISOString(),
    venue: p.venue,
    mainDish: p.mainDish,
    seats: p.seats,
    seatsTaken: p.seatsTaken,
    host: { username: p.host.username },
    attendees: p.guests.map((g) => ({ username: g.username, plusOnes: g.plusOnes })),
    maybe: p.maybe.map((g) => ({ username: g.username })),
    title: p.title,
    details: p.details,
    plusOnesAllowed: p.plusOnesAllowed,
    waitlist: p.waitlist,
    rsvpBy: p.rsvpBy ? p.rsvpBy.toISOString() : null,
    visibility: p.visibility,
    venueHidden: p.venueHidden,
    guestListHidden: p.guestListHidden,
    counts: p.counts,
    myRsvp: p.mine ? toApiRsvp(p.mine) : null,
  };
}

/** The API's `rsvp`. */
export function toApiRsvp(r: Rsvp) {
  return { response: r.response, plusOnes: r.plusOnes, note: r.note, position: r.position };
}

/** A line of GET /api/parties/{id}/guests. */
export function toApiGuest(g: GuestListEntry) {
  return {
    username: g.username,
    response: g.response,
    plusOnes: g.plusOnes,
    note: g.note,
    position: g.position,
    answeredAt: g.answeredAt.toISOString(),
  };
}

/** The columns of /parties/{id}/guests.csv, in order. */
export const GUEST_CSV_HEADER = ["username", "answer", "plus-ones", "note", "answered at", "dietary needs"] as const;

/**
 * A line of /parties/{id}/guests.csv: answer as the API names it, answered at
 * in ISO 8601 UTC, and the guest's dietary needs as the host may see them
 * (lib/dietary: going and sharing) or nothing.
 */
export function toCsvGuest(g: GuestListEntry, dietary = ""): [string, string, number, string, string, string] {
  return [g.username, g.response, g.plusOnes, g.note, g.answeredAt.toISOString(), dietary];
}

/** The {id} of /api/parties/{id}: a party id, else 404 with `message`. */
export async function partyIdParam(params: Promise<{ id: string }>, message = PARTY_NOT_FOUND): Promise<number> {
  const id = parsePartyId((await params).id);
  if (!id) throw new ApiError(404, message);
  return id;
}
