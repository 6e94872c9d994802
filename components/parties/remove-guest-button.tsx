"use client";

import { useRef } from "react";
import { removeGuestAction } from "@/lib/parties/actions";
import { PendingButton } from "@/components/forms/pending-button";

/**
 * "Remove" beside a guest on the host's list, with a confirmation: a
 * confirm() dialog with JavaScript; without it the action sends the host to
 * a confirmation page (/parties/{id}/guests/{username}/remove) instead.
 */
export function RemoveGuestButton({
  partyId,
  username,
  confirmed = false,
}: {
  partyId: number;
  username: string;
  confirmed?: boolean;
}) {
  const confirmation = useRef<HTMLInputElement>(null);
  return (
    <form
      action={removeGuestAction}
      className="inline-form"
      onSubmit={(event) => {
        if (confirmed) return;
        if (!window.confirm(`Remove ${username} from this dinner party? They will not be able to answer again.`)) {
          event.preventDefault();
          return;
        }
        confirmation.current!.value = "yes";
      }}
    >
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="username" value={username} />
      <input ref={confirmation} type="hidden" name="confirmed" defaultValue={confirmed ? "yes" : ""} />
      {confirmed ? (
        <PendingButton className="button button-danger">{`Yes, remove ${username}`}</PendingButton>
      ) : (
        // The visible word, and whom it removes for a screen reader's list of buttons.
        <PendingButton className="button button-danger" aria-label={`Remove ${username}`}>
          Remove
        </PendingButton>
      )}
    </form>
  );
}
