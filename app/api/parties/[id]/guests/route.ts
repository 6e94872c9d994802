import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, json, methodNotAllowed } from "@/lib/http/api";
import { partyIdParam, toApiGuest } from "@/lib/parties/api";
import { listGuests } from "@/lib/parties/data";
import { getParty } from "@/lib/parties/loaders";
import { ONLY_HOST_SEES_GUESTS, PARTY_NOT_FOUND } from "@/lib/parties/messages";

type Ctx = { params: Promise<{ id: string }> };

// The whole guest list, notes included: the host's alone (the read itself is limited to the host).
export const GET = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const id = await partyIdParam(params);
  const guests = await listGuests(id, user.id);
  if (guests) return json({ guests: guests.map(toApiGuest) });
  if (!(await getParty(id, user.id))) throw new ApiError(404, PARTY_NOT_FOUND);
  throw new ApiError(403, ONLY_HOST_SEES_GUESTS);
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
