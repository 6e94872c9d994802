"use client";

import { useRef } from "react";
import { deletePartyAction } from "@/lib/parties/actions";
import { PendingButton } from "@/components/forms/pending-button";

/**
 * "Delete", with a confirmation: a confirm() dialog with JavaScript; without
 * it the action sends the host to a confirmation page instead.
 */
export function DeletePartyButton({ partyId, confirmed = false }: { partyId: number; confirmed?: boolean }) {
  const confirmation = useRef<HTMLInputElement>(null);
  return (
    <form
      action={deletePartyAction}
      className="inline-form"
      onSubmit={(event) => {
        if (confirmed) return;
        if (!window.confirm("Delete this dinner party? Your guests will lose their places.")) {
          event.preventDefault();
          return;
        }
        confirmation.current!.value = "yes";
      }}
    >
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="returnTo" value={`/parties/${partyId}`} />
      <input ref={confirmation} type="hidden" name="confirmed" defaultValue={confirmed ? "yes" : ""} />
      <PendingButton className="button button-danger">{confirmed ? "Yes, delete it" : "Delete"}</PendingButton>
    </form>
  );
}
