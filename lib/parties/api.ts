import "server-only";
import { ApiError } from "@/lib/http/api";
import { parsePartyId } from "@/lib/validation/party";
import { PARTY_NOT_FOUND } from "./messages";

/** The {id} of /api/parties/{id}: a party id, else 404 with `message`. */
export async function partyIdParam(params: Promise<{ id: string }>, message = PARTY_NOT_FOUND): Promise<number> {
  const id = parsePartyId((await params).id);
  if (!id) throw new ApiError(404, message);
  return id;
}
