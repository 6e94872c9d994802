"use client";

import { useSyncExternalStore } from "react";
import { CopyStatus, useCopy } from "@/components/forms/copy-button";
import { PendingButton } from "@/components/forms/pending-button";
import { useHydrated } from "@/components/forms/use-hydrated";
import { resetInvitationAction } from "@/lib/invitations/actions";

const noSubscription = () => () => {};

/**
 * The host's invitation link: shown in full (select it and copy, with or
 * without JavaScript), "Copy link" once the page runs, "Share" only where the
 * browser can share (the Web Share API), and "Reset link", a plain form.
 */
export function InvitationLink({ partyId, url, title }: { partyId: number; url: string; title: string }) {
  const hydrated = useHydrated();
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  const { copy, status } = useCopy("invitation-url", "link");

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch {
      // Dismissed by the person: nothing to say.
    }
  }

  return (
    <section className="invitation-link" aria-labelledby="invitation-link-heading">
      <h2 id="invitation-link-heading">Invite guests</h2>
      <div className="field">
        <label htmlFor="invitation-url">Invitation link</label>
        <p id="invitation-url-hint" className="field-hint">
          Anyone with this link can see the party and answer once they log in.
        </p>
        <input
          id="invitation-url"
          type="url"
          readOnly
          value={url}
          aria-describedby="invitation-url-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="actions">
        {hydrated && (
          <button type="button" className="button button-primary" onClick={() => copy(url)}>
            Copy link
          </button>
        )}
        {canShare && (
          <button type="button" className="button" onClick={share}>
            Share
          </button>
        )}
        <form
          action={resetInvitationAction}
          className="inline-form"
          onSubmit={(event) => {
            if (!window.confirm("Reset the link? The old one stops working at once; send the new one to your guests."))
              event.preventDefault();
          }}
        >
          <input type="hidden" name="partyId" value={partyId} />
          <PendingButton className="button">Reset link</PendingButton>
        </form>
      </div>
      <CopyStatus status={status} />
    </section>
  );
}
