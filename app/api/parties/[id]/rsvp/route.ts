import {
  apiRoute,
  ApiError,
  ignoreJsonBody,
  json,
  methodNotAllowed,
  noContent,
  requireApiUser,
  tooMany,
} from "@/lib/http/api";
import { rsvpAllowed, tooManyMessage } from "@/lib/parties/limits";
import { partyIdParam } from "@/lib/parties/api";
import * as m from "@/lib/parties/messages";
import { cancelRsvp, rsvp } from "@/lib/parties/mutations";
import { formatPartyDate } from "@/lib/time";
import { getViewer } from "@/lib/viewer";

type Ctx = { params: Promise<{ id: string }> };

async function throttle(userId: string) {
  const allowed = await rsvpAllowed(userId);
  if (!allowed.ok) throw tooMany(tooManyMessage(allowed.retryAfter), allowed.retryAfter);
}

// POST needs no body: the party is in the URL and the guest is the session.
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  await ignoreJsonBody(req);
  await throttle(user.id);
  const result = await rsvp(await partyIdParam(params, m.INVALID_PARTY_ID), user.id);
  switch (result.status) {
    case "ok":
      return json(
        { message: m.rsvpAccepted(result.hostUsername, formatPartyDate(result.startsAt, await getViewer())) },
        201,
      );
    case "not_found":
      throw new ApiError(404, m.INVALID_PARTY_ID);
    case "past":
      throw new ApiError(409, m.PARTY_PAST);
    case "already":
      throw new ApiError(409, m.ALREADY_RSVPD);
    case "full":
      throw new ApiError(409, m.PARTY_FULL);
  }
});

export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  await throttle(user.id);
  const result = await cancelRsvp(await partyIdParam(params), user.id);
  switch (result.status) {
    case "ok":
      return noContent();
    case "not_found":
      throw new ApiError(404, m.PARTY_NOT_FOUND);
    case "not_attending":
      throw new ApiError(404, m.NOT_ATTENDING);
    case "host":
      throw new ApiError(409, m.HOST_CANNOT_CANCEL);
  }
});

export const { GET, PUT, PATCH } = methodNotAllowed("POST, DELETE");
