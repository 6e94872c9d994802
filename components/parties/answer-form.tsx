import { answerAction } from "@/lib/parties/actions";
import { NOTE_MAX } from "@/lib/parties/bounds";
import type { Party, Rsvp } from "@/lib/parties/data";
import { PendingButton } from "@/components/forms/pending-button";
import { CancelRsvpButton } from "./party-buttons";

/** "Going", "Going with 2 plus-ones", "Maybe", "Can't go", "Waitlist, number 3". */
export function describeRsvp(rsvp: Rsvp): string {
  switch (rsvp.response) {
    case "going":
      return rsvp.plusOnes > 0 ? `Going with ${rsvp.plusOnes} plus-one${rsvp.plusOnes === 1 ? "" : "s"}` : "Going";
    case "maybe":
      return "Maybe";
    case "declined":
      return "Can't go";
    case "waitlisted":
      return `Waitlist, number ${rsvp.position ?? 1}`;
  }
}

/**
 * A guest's side of /parties/{id}: their answer, and one form whose buttons
 * answer — "RSVP" (or "Join the waitlist"), "Maybe", "Can't go" — with the
 * plus-ones and the note for the host. A plain form post: it works without
 * JavaScript, and the answer comes back as a flash message.
 */
export function AnswerForm({ party, returnTo, now = new Date() }: { party: Party; returnTo: string; now?: Date }) {
  const mine = party.mine;
  const seated = mine?.response === "going" || mine?.response === "waitlisted";
  // A guest keeps plus-ones granted before the host lowered the limit.
  const maxPlusOnes = Math.max(party.plusOnesAllowed, seated ? mine.plusOnes : 0);
  const past = party.startsAt <= now;
  const closed = !past && party.rsvpBy !== null && party.rsvpBy <= now;
  const goingLabel = party.seatsLeft === 0 && party.waitlist && !seated ? "Join the waitlist" : "RSVP";

  return (
    <section aria-labelledby="answer-heading" className="answer-panel">
      <h2 id="answer-heading">Your answer</h2>
      {mine && <p className="answer-status">{`Your RSVP: ${describeRsvp(mine)}`}</p>}
      {mine?.response === "waitlisted" && (
        <p className="muted">You get a seat by yourself, in the order of the waitlist, as soon as one comes free.</p>
      )}
      {past ? (
        <p className="notice notice-info">This dinner party has already taken place.</p>
      ) : closed ? (
        <p className="notice notice-info">RSVPs for this dinner party are closed.</p>
      ) : (
        <form action={answerAction} className="answer-form" aria-labelledby="answer-heading">
          <input type="hidden" name="partyId" value={party.id} />
          <input type="hidden" name="returnTo" value={returnTo} />
          {maxPlusOnes > 0 && (
            <div className="field field-short">
              <label htmlFor="answer-plus-ones">Plus-ones</label>
              <p id="answer-plus-ones-hint" className="field-hint">
                {`Up to ${maxPlusOnes} extra ${maxPlusOnes === 1 ? "person" : "people"} with you; each takes a seat.`}
              </p>
              <input
                id="answer-plus-ones"
                name="plusOnes"
                type="number"
                inputMode="numeric"
                min={0}
                max={maxPlusOnes}
                step={1}
                defaultValue={seated ? mine.plusOnes : 0}
                aria-describedby="answer-plus-ones-hint"
              />
            </div>
          )}
          {mine && (
            <div className="field">
              <label htmlFor="answer-note">Note for the host</label>
              <p id="answer-note-hint" className="field-hint">
                {`Only the host sees it. Up to ${NOTE_MAX} characters, saved with your answer.`}
              </p>
              <textarea
                id="answer-note"
                name="note"
                rows={3}
                maxLength={NOTE_MAX}
                defaultValue={mine.note}
                aria-describedby="answer-note-hint"
              />
            </div>
          )}
          <div className="actions">
            <PendingButton className="button button-primary" name="response" value="going">
              {goingLabel}
            </PendingButton>
            <PendingButton name="response" value="maybe">
              Maybe
            </PendingButton>
            <PendingButton name="response" value="declined">
              Can&apos;t go
            </PendingButton>
          </div>
        </form>
      )}
      {mine && (
        <div className="actions answer-cancel">
          <CancelRsvpButton partyId={party.id} returnTo={returnTo} />
        </div>
      )}
    </section>
  );
}
