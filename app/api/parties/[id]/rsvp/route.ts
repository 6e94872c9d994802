import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, ignoreJsonBody, json, methodNotAllowed, noContent, tooMany } from "@/lib/http/api";
import { partyIdParam } from "@/lib/parties/api";
import * as m from "@/lib/parties/messages";
import { cancelRsvp, rsvp, rsvpAllowed } from "@/lib/parties/mutations";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import { formatPartyDate } from "@/lib/time";
import { getViewer } from "@/lib/viewer";

type Ctx = { params: Promise<{ id: string }> };

async function throttle(userId: string) {
  const allowed = await rsvpAllowed(userId);
  if (!allowed.ok) throw tooMany(tooOftenMessage(allowed.retryAfter), allowed.retryAfter);
}

const refusal = ({ status, message }: { status: number; message: string }) => new ApiError(status, message);

// POST needs no body: the party is in the URL and the guest is the session.
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  await ignoreJsonBody(req);
  await throttle(user.id);
  const result = await rsvp(await partyIdParam(params, m.INVALID_PARTY_ID), user.id);
  if (result.status !== "ok") throw refusal(m.RSVP_REFUSED[result.status]);
  const date = formatPartyDate(result.startsAt, await getViewer());
  return json({ message: m.rsvpAccepted(result.hostUsername, date) }, 201);
});

export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  await throttle(user.id);
  const result = await cancelRsvp(await partyIdParam(params), user.id);
  if (result.status !== "ok") throw refusal(m.CANCEL_REFUSED[result.status]);
  return noContent();
});

export const { GET, PUT, PATCH } = methodNotAllowed("POST, DELETE");
