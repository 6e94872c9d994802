import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { DeletePartyButton } from "@/components/parties/delete-party-button";
import { PartyDate } from "@/components/parties/party-date";
import { getViewer } from "@/lib/viewer";
import { hostPageMetadata, requireHostedParty } from "@/lib/parties/loaders";

export async function generateMetadata({ params }: PageProps<"/parties/[id]/delete">): Promise<Metadata> {
  return hostPageMetadata((await params).id, "Delete party");
}

// The confirmation step for browsers without JavaScript (with it, a confirm()
// dialog asks on the party page).
export default async function DeletePartyPage({ params }: PageProps<"/parties/[id]/delete">) {
  const { id } = await params;
  const { party } = await requireHostedParty(id, `/parties/${id}/delete`);
  const guests = party.seatsTaken - 1;
  return (
    <div className="narrow">
      <PageHeader title="Delete this dinner party?">
        <p className="lead">
          {party.title}, <PartyDate date={party.startsAt} viewer={await getViewer()} />.{" "}
          {guests > 0 ? `${guests} guest${guests === 1 ? "" : "s"} will lose their place.` : "No guests yet."}
        </p>
      </PageHeader>
      <div className="actions">
        <DeletePartyButton partyId={party.id} confirmed />
        <Link href={`/parties/${party.id}`} className="button">
          Keep it
        </Link>
      </div>
    </div>
  );
}
