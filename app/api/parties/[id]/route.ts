import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, json, methodNotAllowed, noContent, readJson } from "@/lib/http/api";
import { partyIdParam, toApiParty } from "@/lib/parties/api";
import { getParty } from "@/lib/parties/loaders";
import {
  NOT_THE_HOST,
  PARTY_NOT_FOUND,
  RSVP_BY_AFTER_START,
  RSVP_BY_PAST,
  seatsBelowAttendees,
} from "@/lib/parties/messages";
import { deleteParty, updateParty } from "@/lib/parties/mutations";
import { partyApiPatchSchema } from "@/lib/parties/schema";

type Ctx = { params: Promise<{ id: string }> };

export const GET = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const party = await getParty(await partyIdParam(params), user.id);
  if (!party) throw new ApiError(404, PARTY_NOT_FOUND);
  return json(toApiParty(party));
});

export const PATCH = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const id = await partyIdParam(params);
  const patch = await readJson(req, partyApiPatchSchema);
  const result = await updateParty(id, user.id, patch);
  switch (result.status) {
    case "not_found":
      throw new ApiError(404, PARTY_NOT_FOUND);
    case "forbidden":
      throw new ApiError(403, NOT_THE_HOST);
    case "seats_below_attendees":
      throw new ApiError(409, seatsBelowAttendees(result.seatsTaken), {
        seats: [seatsBelowAttendees(result.seatsTaken)],
      });
    case "rsvp_by_after_start":
      throw new ApiError(400, "Invalid input.", { rsvpBy: [RSVP_BY_AFTER_START] });
    case "rsvp_by_past":
      throw new ApiError(400, "Invalid input.", { rsvpBy: [RSVP_BY_PAST] });
  }
  const party = await getParty(id, user.id);
  if (!party) throw new ApiError(404, PARTY_NOT_FOUND);
  return json(toApiParty(party));
});

export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const result = await deleteParty(await partyIdParam(params), user.id);
  if (result.status === "not_found") throw new ApiError(404, PARTY_NOT_FOUND);
  if (result.status === "forbidden") throw new ApiError(403, NOT_THE_HOST);
  return noContent();
});

export const { POST, PUT } = methodNotAllowed("GET, PATCH, DELETE");
