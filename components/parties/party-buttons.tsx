import { cancelRsvpAction, rsvpAction } from "@/lib/parties/actions";
import { PendingButton } from "@/components/forms/pending-button";

/** "RSVP" for one party; comes back to `returnTo` with the answer as a flash message. */
export function RsvpButton({
  partyId,
  returnTo,
  describedBy,
}: {
  partyId: number;
  returnTo: string;
  describedBy?: string;
}) {
  return (
    <form action={rsvpAction} className="inline-form">
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <PendingButton className="button button-primary" aria-describedby={describedBy}>
        RSVP
      </PendingButton>
    </form>
  );
}

export function CancelRsvpButton({ partyId, returnTo }: { partyId: number; returnTo: string }) {
  return (
    <form action={cancelRsvpAction} className="inline-form">
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <PendingButton>Cancel RSVP</PendingButton>
    </form>
  );
}
