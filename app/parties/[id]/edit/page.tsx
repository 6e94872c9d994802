import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { PartyForm } from "@/components/parties/party-form";
import { hostPageMetadata, requireHostedParty } from "@/lib/parties/loaders";
import { utcToLocalInput } from "@/lib/time";
import { getViewer } from "@/lib/viewer";

export async function generateMetadata({ params }: PageProps<"/parties/[id]/edit">): Promise<Metadata> {
  return hostPageMetadata((await params).id, "Edit party");
}

export default async function EditPartyPage({ params }: PageProps<"/parties/[id]/edit">) {
  const { id } = await params;
  const { party } = await requireHostedParty(id, `/parties/${id}/edit`);
  const { timeZone } = await getViewer();
  return (
    <div className="narrow">
      <PageHeader title="Edit party">
        <p className="lead">
          {party.seatsTaken} of {party.seats} seats are taken: the table cannot shrink below that.
        </p>
      </PageHeader>
      <PartyForm
        party={{
          id: party.id,
          startsAt: party.startsAt.toISOString(),
          title: party.ownTitle ?? "",
          details: party.details,
          venue: party.venue ?? "",
          visibility: party.visibility,
          venueHidden: party.venueHidden,
          mainDish: party.mainDish,
          seats: party.seats,
          plusOnesAllowed: party.plusOnesAllowed,
          waitlist: party.waitlist,
          rsvpBy: party.rsvpBy?.toISOString() ?? null,
          showGuestList: !party.guestListHidden,
        }}
        serverTimeZone={timeZone}
        minDate={utcToLocalInput(new Date(), timeZone)}
      />
      <p className="aside">
        <Link href={`/parties/${party.id}`}>Back to the party</Link>
      </p>
    </div>
  );
}
