import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, ignoreJsonBody, json, methodNotAllowed } from "@/lib/http/api";
import { toApiPreview } from "@/lib/invitations/api";
import { invitationPreview } from "@/lib/invitations/data";
import { INVITATION_NOT_FOUND } from "@/lib/invitations/messages";
import { recordVisit } from "@/lib/invitations/mutations";
import { toApiParty } from "@/lib/parties/api";
import { getParty } from "@/lib/parties/loaders";

type Ctx = { params: Promise<{ token: string }> };

/** The preview, for anyone holding the link (logged in or not). */
export const GET = apiRoute<Ctx>(async (_req, { params }) => {
  const preview = await invitationPreview((await params).token);
  if (!preview) throw new ApiError(404, INVITATION_NOT_FOUND);
  return json(toApiPreview(preview));
});

/** Opening the invitation while logged in: the visit is recorded, and the party is theirs to see. */
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  await ignoreJsonBody(req);
  const visit = await recordVisit((await params).token, user.id);
  // A guest the host removed may open the link, and still not see the party.
  const party = visit.status === "ok" ? await getParty(visit.partyId, user.id) : null;
  if (!party) throw new ApiError(404, INVITATION_NOT_FOUND);
  return json(toApiParty(party));
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
