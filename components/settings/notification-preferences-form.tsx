import { PendingButton } from "@/components/forms/pending-button";
import { savePreferencesAction } from "@/lib/notifications/actions";
import { KIND_LABELS } from "@/lib/notifications/messages";
import { NOTIFICATION_KINDS, type NotificationPrefs } from "@/lib/notifications/schema";

/**
 * "Email notifications": one box per kind, all on by default. A plain form
 * (it works the same without JavaScript); the hidden "off" before each box
 * is what an unticked box sends.
 */
export function NotificationPreferencesForm({ prefs }: { prefs: NotificationPrefs }) {
  return (
    <form action={savePreferencesAction} className="form" aria-labelledby="notifications-heading">
      <input type="hidden" name="returnTo" value="/settings" />
      <fieldset className="field field-choices">
        <legend>Send me an email when</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <div className="field-checkbox" key={kind}>
            <input type="hidden" name={kind} value="off" />
            <input id={`notify-${kind}`} type="checkbox" name={kind} value="on" defaultChecked={prefs[kind]} />
            <label htmlFor={`notify-${kind}`}>{KIND_LABELS[kind]}</label>
          </div>
        ))}
      </fieldset>
      <p className="muted">Mails about your account itself — password reset, email confirmation — are always sent.</p>
      <PendingButton>Save email notifications</PendingButton>
    </form>
  );
}
