import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, ignoreJsonBody, json, methodNotAllowed } from "@/lib/http/api";
import { appOrigin } from "@/lib/http/request";
import { invitationUrl } from "@/lib/invitations/api";
import { resetInvitation } from "@/lib/invitations/mutations";
import { partyIdParam } from "@/lib/parties/api";
import { NOT_THE_HOST, PARTY_NOT_FOUND } from "@/lib/parties/messages";

type Ctx = { params: Promise<{ id: string }> };

/** "Reset link": a new invitation link, the old one dead from now on (host only). */
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const id = await partyIdParam(params);
  await ignoreJsonBody(req);
  const result = await resetInvitation(id, user.id);
  if (result.status === "not_found") throw new ApiError(404, PARTY_NOT_FOUND);
  if (result.status === "forbidden") throw new ApiError(403, NOT_THE_HOST);
  return json({ url: invitationUrl(appOrigin(req.headers), result.token) }, 200, { "Referrer-Policy": "no-referrer" });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
