import type { NotificationPrefs } from "./schema";

/** GET and PUT /api/me/notifications: the five preferences, in the contract's order. */
export function toApiPreferences(p: NotificationPrefs): NotificationPrefs {
  return {
    rsvps: p.rsvps,
    seatOpened: p.seatOpened,
    partyChanged: p.partyChanged,
    reminders: p.reminders,
    hostMessages: p.hostMessages,
  };
}
