import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/auth";
import { parsePartyId } from "@/lib/validation/party";
import { getParty } from "./data";

/** For the host-only pages (edit, delete): the party, or 404 / 403. */
export async function requireHostedParty(rawId: string, here: string) {
  const user = await requireUser(here);
  const id = parsePartyId(rawId);
  const party = id ? await getParty(id) : null;
  if (!party) notFound();
  if (party.hostId !== user.id) forbidden();
  return { user, party };
}
