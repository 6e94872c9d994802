import { PendingButton } from "@/components/forms/pending-button";
import { sendHostMessageAction } from "@/lib/notifications/actions";

/**
 * "Message your guests": mailed to the going, maybe and waitlisted guests,
 * and listed on the page. A plain form like the page's other forms — the
 * party page's JavaScript stays within its budget (decision 015) — so the
 * browser checks the length, and the server says what else is wrong.
 */
export function HostMessageForm({ partyId, max }: { partyId: number; max: number }) {
  return (
    <form action={sendHostMessageAction} className="form" aria-labelledby="message-guests-heading">
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="returnTo" value={`/parties/${partyId}`} />
      <div className="field">
        <label htmlFor="field-message">Message</label>
        <p id="field-message-hint" className="field-hint">
          Going, maybe and waitlisted guests get it by email, and see it here.
        </p>
        <textarea
          id="field-message"
          name="message"
          rows={4}
          maxLength={max}
          required
          aria-describedby="field-message-hint"
        />
      </div>
      <PendingButton>Send message</PendingButton>
    </form>
  );
}
