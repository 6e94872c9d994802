import "server-only";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentUser, requireUser } from "@/lib/sessions/loaders";
import { findParty, listGuests } from "./data";
import { parsePartyId } from "./schema";

/** One party as a viewer sees it, cached per request: a page and its metadata share the query. */
export const getParty = cache(findParty);

/** The host's whole guest list (null unless `hostId` hosts the party), cached per request. */
export const getGuestList = cache(listGuests);

/** For the host-only pages (edit, delete): the party, or 404 / 403. */
export async function requireHostedParty(rawId: string, here: string) {
  const user = await requireUser(here);
  const id = parsePartyId(rawId);
  const party = id ? await getParty(id, user.id) : null;
  if (!party) notFound();
  if (party.hostId !== user.id) forbidden();
  return { user, party };
}

/** The title of a host-only page, or of the 403 page a guest sees there. */
export async function hostPageMetadata(rawId: string, title: string): Promise<Metadata> {
  const [user, id] = [await getCurrentUser(), parsePartyId(rawId)];
  const party = user && id ? await getParty(id, user.id) : null;
  if (!party) return { title: "Page not found" };
  return { title: party.hostId === user!.id ? title : "Only the host" };
}
