import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { describeRsvp } from "@/components/parties/answer-form";
import { RemoveGuestButton } from "@/components/parties/remove-guest-button";
import { PartyDate } from "@/components/parties/party-date";
import { decodeSegment } from "@/lib/http/route-params";
import { getGuestList, hostPageMetadata, requireHostedParty } from "@/lib/parties/loaders";
import { getViewer } from "@/lib/viewer";

type Props = PageProps<"/parties/[id]/guests/[username]/remove">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, username } = await params;
  return hostPageMetadata(id, `Remove ${decodeSegment(username)?.toLowerCase() ?? "a guest"}`);
}

// The confirmation step for browsers without JavaScript (with it, a confirm()
// dialog asks on the party page). Host only: 404 / 403 like the other host pages.
export default async function RemoveGuestPage({ params }: Props) {
  const { id, username: raw } = await params;
  const { party, user } = await requireHostedParty(id, `/parties/${id}/guests/${raw}/remove`);
  const username = decodeSegment(raw)?.toLowerCase();
  const guests = await getGuestList(party.id, user.id);
  const guest = guests?.find((g) => g.username === username && g.username !== party.host.username);
  if (!guest) notFound();
  const { position, ...rsvp } = guest;
  return (
    <div className="narrow">
      <PageHeader title={`Remove ${guest.username}?`}>
        <p className="lead">
          {party.title}, <PartyDate date={party.startsAt} viewer={await getViewer()} />. Their answer:{" "}
          {describeRsvp({ ...rsvp, position })}. Once removed, {guest.username} cannot answer this dinner party again
          {guest.response === "going" ? "; their seats go to the waitlist, if there is one." : "."}
        </p>
      </PageHeader>
      <div className="actions">
        <RemoveGuestButton partyId={party.id} username={guest.username} confirmed />
        <Link href={`/parties/${party.id}`} className="button">
          Keep {guest.username}
        </Link>
      </div>
    </div>
  );
}
