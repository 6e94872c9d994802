import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { Metadata } from "next";
import { getCurrentUser, requireUser } from "@/auth";
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

/** The title of a host-only page, or of the 403 page a guest sees there. */
export async function hostPageMetadata(rawId: string, title: string): Promise<Metadata> {
  const [user, id] = [await getCurrentUser(), parsePartyId(rawId)];
  const party = user && id ? await getParty(id) : null;
  if (!party) return { title: "Page not found" };
  return { title: party.hostId === user!.id ? title : "Only the host" };
}
