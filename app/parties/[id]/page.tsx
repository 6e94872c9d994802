import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/loaders";
import { PageHeader } from "@/components/page-header";
import { CancelRsvpButton, RsvpButton } from "@/components/parties/party-buttons";
import { GuestList, SeatsBadge } from "@/components/parties/party-card";
import { PartyDate } from "@/components/parties/party-date";
import { getViewer } from "@/lib/viewer";
import { DeletePartyButton } from "@/components/parties/delete-party-button";
import { getParty } from "@/lib/parties/loaders";
import { parsePartyId } from "@/lib/parties/schema";

export async function generateMetadata({ params }: PageProps<"/parties/[id]">): Promise<Metadata> {
  const id = parsePartyId((await params).id);
  const party = id && (await getCurrentUser()) ? await getParty(id) : null;
  return { title: party ? `Dinner at ${party.venue}` : "Dinner party" };
}

export default async function PartyPage({ params }: PageProps<"/parties/[id]">) {
  const { id: raw } = await params;
  const here = `/parties/${raw}`;
  const user = await requireUser(here);
  const id = parsePartyId(raw);
  const party = id ? await getParty(id) : null;
  if (!party) notFound();
  const hosting = party.hostId === user.id;
  const going = party.guests.some((g) => g.userId === user.id);

  return (
    <article className="party-page" aria-labelledby="party-heading">
      <PageHeader title={<span id="party-heading">Dinner at {party.venue}</span>} />
      <dl className="party-facts party-facts-large">
        <div>
          <dt>Host</dt>
          <dd>{party.host.username}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>
            <PartyDate date={party.startsAt} viewer={await getViewer()} />
          </dd>
        </div>
        <div>
          <dt>Venue</dt>
          <dd>{party.venue}</dd>
        </div>
        <div>
          <dt>Main dish</dt>
          <dd>{party.mainDish}</dd>
        </div>
        <div>
          <dt>Seats</dt>
          <dd>
            {party.seatsTaken} of {party.seats} seats taken <SeatsBadge party={party} />
          </dd>
        </div>
        <div>
          <dt>Party ID</dt>
          <dd>{party.id}</dd>
        </div>
      </dl>
      <section aria-labelledby="guests-heading">
        <h2 id="guests-heading">Guest list</h2>
        <GuestList party={party} label="Guest list" />
      </section>
      <div className="actions party-actions">
        {hosting ? (
          <>
            <Link href={`/parties/${party.id}/edit`} className="button">
              Edit
            </Link>
            <DeletePartyButton partyId={party.id} />
          </>
        ) : going ? (
          <CancelRsvpButton partyId={party.id} returnTo={here} />
        ) : (
          <RsvpButton partyId={party.id} returnTo={here} />
        )}
      </div>
    </article>
  );
}
