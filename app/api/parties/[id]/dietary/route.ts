import { requireApiUser } from "@/lib/auth/loaders";
import { toApiPartyDietary } from "@/lib/dietary/api";
import { partyDietary } from "@/lib/dietary/data";
import { ONLY_HOST_SEES_DIETARY } from "@/lib/dietary/messages";
import { apiRoute, ApiError, json, methodNotAllowed } from "@/lib/http/api";
import { partyIdParam } from "@/lib/parties/api";
import { getParty } from "@/lib/parties/loaders";
import { PARTY_NOT_FOUND } from "@/lib/parties/messages";

type Ctx = { params: Promise<{ id: string }> };

// The going guests' shared dietary needs: the host's alone (the read itself is limited to the host).
export const GET = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const id = await partyIdParam(params);
  const summary = await partyDietary(id, user.id);
  if (summary) return json(toApiPartyDietary(summary));
  if (!(await getParty(id, user.id))) throw new ApiError(404, PARTY_NOT_FOUND);
  throw new ApiError(403, ONLY_HOST_SEES_DIETARY);
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
