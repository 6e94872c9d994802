import { requireApiUser } from "@/lib/auth/loaders";
import {
  apiRoute,
  ApiError,
  json,
  methodNotAllowed,
  noContent,
  readJson,
  readOptionalJson,
  tooMany,
} from "@/lib/http/api";
import { partyIdParam, toApiRsvp } from "@/lib/parties/api";
import * as m from "@/lib/parties/messages";
import { answerParty, cancelRsvp, rsvpGoing, rsvpAllowed } from "@/lib/parties/mutations";
import { rsvpApiPostSchema, rsvpApiSchema } from "@/lib/parties/schema";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import { formatPartyDate } from "@/lib/time";
import { getViewer } from "@/lib/viewer";

type Ctx = { params: Promise<{ id: string }> };

async function throttle(userId: string) {
  const allowed = await rsvpAllowed(userId);
  if (!allowed.ok) throw tooMany(tooOftenMessage(allowed.retryAfter), allowed.retryAfter);
}

const refusal = ({ status, message, errors }: m.Refusal) => new ApiError(status, message, errors);

// An RSVP: going. The body is optional ({plusOnes?}); the party is in the URL, the guest is the session.
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const { plusOnes } = await readOptionalJson(req, rsvpApiPostSchema);
  await throttle(user.id);
  const result = await rsvpGoing(await partyIdParam(params, m.INVALID_PARTY_ID), user.id, new Date(), plusOnes);
  if (result.status !== "ok") throw refusal(m.answerRefused(result));
  const date = formatPartyDate(result.startsAt, await getViewer());
  const waiting = result.rsvp.response === "waitlisted";
  return json({ message: m.answerAccepted(result, date), rsvp: toApiRsvp(result.rsvp) }, waiting ? 202 : 201);
});

// Set or change the answer: going, maybe or declined, with plus-ones and a note for the host.
export const PUT = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const wish = await readJson(req, rsvpApiSchema);
  await throttle(user.id);
  const result = await answerParty(await partyIdParam(params, m.INVALID_PARTY_ID), user.id, wish);
  if (result.status !== "ok") throw refusal(m.answerRefused(result));
  const date = formatPartyDate(result.startsAt, await getViewer());
  return json({ message: m.answerAccepted(result, date), rsvp: toApiRsvp(result.rsvp) });
});

export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  await throttle(user.id);
  const result = await cancelRsvp(await partyIdParam(params), user.id);
  if (result.status !== "ok") throw refusal(m.CANCEL_REFUSED[result.status]);
  return noContent();
});

export const { GET, PATCH } = methodNotAllowed("POST, PUT, DELETE");
