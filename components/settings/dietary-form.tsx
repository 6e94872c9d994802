import { PendingButton } from "@/components/forms/pending-button";
import { saveDietaryAction } from "@/lib/dietary/actions";
import { NEED_LABELS, SHARE_LABEL } from "@/lib/dietary/messages";
import { DIETARY_NEEDS, OTHER_MAX, type DietaryProfile } from "@/lib/dietary/schema";

/**
 * "Dietary needs": the nine boxes, "Other needs" and whether hosts may see
 * them. A plain form (the same without JavaScript); the hidden "off" before
 * each box is what an unticked box sends.
 */
export function DietaryForm({ profile }: { profile: DietaryProfile }) {
  return (
    <form action={saveDietaryAction} className="form" aria-labelledby="dietary-heading">
      <input type="hidden" name="returnTo" value="/settings" />
      <fieldset className="field field-choices">
        <legend>What I eat or avoid</legend>
        {DIETARY_NEEDS.map((need) => (
          <div className="field-checkbox" key={need}>
            <input type="hidden" name={`need-${need}`} value="off" />
            <input
              id={`need-${need}`}
              type="checkbox"
              name={`need-${need}`}
              value="on"
              defaultChecked={profile.needs.includes(need)}
            />
            <label htmlFor={`need-${need}`}>{NEED_LABELS[need]}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="dietary-other">Other needs</label>
        <input id="dietary-other" name="other" maxLength={OTHER_MAX} defaultValue={profile.other} />
      </div>
      <div className="field-checkbox">
        <input type="hidden" name="share" value="off" />
        <input
          id="dietary-share"
          type="checkbox"
          name="share"
          value="on"
          defaultChecked={profile.share}
          aria-describedby="dietary-share-hint"
        />
        <label htmlFor="dietary-share">{SHARE_LABEL}</label>
      </div>
      <p id="dietary-share-hint" className="muted">
        Only you and, while this is ticked, the hosts of parties you are going to ever see them.
      </p>
      <PendingButton>Save dietary needs</PendingButton>
    </form>
  );
}
