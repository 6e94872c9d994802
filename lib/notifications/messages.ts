// Words of the contract (shared/design.md "Mail") about notifications, and
// what the settings, unsubscribe and party pages say around them.
import type { NotificationKind } from "./schema";

/** The preferences as /settings "Email notifications" names them. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  rsvps: "Someone answers my party's invitation",
  seatOpened: "A seat opens up for me",
  partyChanged: "A party I'm going to changes or is cancelled",
  reminders: "A reminder the day before",
  hostMessages: "Messages from hosts",
};

export const PREFS_SAVED = "Your email notifications have been saved.";

export function messageSent(n: number): string {
  return `Your message has been sent to ${n} guests.`;
}

export const UNSUBSCRIBE_LINK_INVALID = "This unsubscribe link is invalid.";

export function unsubscribed(kind: NotificationKind): string {
  return `You will no longer get mails for “${KIND_LABELS[kind]}”. You can turn them back on in your account settings.`;
}
