import "server-only";
import { ApiError } from "@/lib/http/api";
import type { Party } from "./data";
import { PARTY_NOT_FOUND } from "./messages";
import { parsePartyId } from "./schema";

/** The JSON API's Party (shared/design.md). */
export function toApiParty(p: Party) {
  return {
    id: p.id,
    date: p.startsAt.toISOString(),
    venue: p.venue,
    mainDish: p.mainDish,
    seats: p.seats,
    seatsTaken: p.seatsTaken,
    host: { username: p.host.username },
    attendees: p.guests.map((g) => ({ username: g.username })),
  };
}

/** The {id} of /api/parties/{id}: a party id, else 404 with `message`. */
export async function partyIdParam(params: Promise<{ id: string }>, message = PARTY_NOT_FOUND): Promise<number> {
  const id = parsePartyId((await params).id);
  if (!id) throw new ApiError(404, message);
  return id;
}
