import { rsvpAction } from "@/lib/parties/actions";
import { PendingButton } from "@/components/forms/pending-button";

/** RSVP with the Party ID from an invitation. */
export function PartyIdForm({ returnTo }: { returnTo: string }) {
  return (
    <form action={rsvpAction} className="form form-inline" aria-labelledby="party-id-heading">
      <h2 id="party-id-heading" className="form-title">
        Have an invitation?
      </h2>
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="field">
        <label htmlFor="party-id">Party ID</label>
        <div className="field-row">
          <input id="party-id" name="partyId" inputMode="numeric" autoComplete="off" required maxLength={12} />
          <PendingButton className="button button-primary">RSVP</PendingButton>
        </div>
      </div>
    </form>
  );
}
