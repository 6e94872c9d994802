import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, json, methodNotAllowed, readJson, tooMany } from "@/lib/http/api";
import { messageSent } from "@/lib/notifications/messages";
import { sendHostMessage } from "@/lib/notifications/mutations";
import { hostMessageSchema } from "@/lib/notifications/schema";
import { partyIdParam } from "@/lib/parties/api";
import { NOT_THE_HOST, PARTY_NOT_FOUND } from "@/lib/parties/messages";
import { tooOftenMessage } from "@/lib/rate-limit/messages";

type Ctx = { params: Promise<{ id: string }> };

/** "Message your guests" (host only): 201 with the confirmation and how many guests it was for. */
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const id = await partyIdParam(params);
  const { message } = await readJson(req, hostMessageSchema);
  const result = await sendHostMessage(id, user.id, message);
  switch (result.status) {
    case "ok":
      return json({ message: messageSent(result.sentTo), sentTo: result.sentTo }, 201);
    case "throttled":
      throw tooMany(tooOftenMessage(result.retryAfter), result.retryAfter);
    case "forbidden":
      throw new ApiError(403, NOT_THE_HOST);
    case "not_found":
      throw new ApiError(404, PARTY_NOT_FOUND);
  }
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
