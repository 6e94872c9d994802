import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, methodNotAllowed, noContent, tooMany } from "@/lib/http/api";
import { partyIdParam } from "@/lib/parties/api";
import { REMOVE_REFUSED } from "@/lib/parties/messages";
import { removeGuest, rsvpAllowed } from "@/lib/parties/mutations";
import { tooOftenMessage } from "@/lib/rate-limit/messages";

type Ctx = { params: Promise<{ id: string; username: string }> };

// The host removes a guest: their seats go to the waitlist and they cannot answer again.
export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const allowed = await rsvpAllowed(user.id);
  if (!allowed.ok) throw tooMany(tooOftenMessage(allowed.retryAfter), allowed.retryAfter);
  const id = await partyIdParam(params);
  const username = (await params).username;
  const result = await removeGuest(id, user.id, username.slice(0, 64));
  if (result.status !== "ok") {
    const { status, message } = REMOVE_REFUSED[result.status];
    throw new ApiError(status, message);
  }
  return noContent();
});

export const { GET, POST, PUT, PATCH } = methodNotAllowed("DELETE");
