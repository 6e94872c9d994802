// Notification schemas: the "Email notifications" form of /settings and its
// JSON twin (PUT /api/me/notifications), and "Message your guests" (the party
// page's form and POST /api/parties/{id}/messages share one rule).
import * as z from "zod/mini";
import "@/lib/zod";
import { textChecks } from "@/lib/text";

/** The kinds of notification mail, each a preference and each with its own unsubscribe link. */
export const NOTIFICATION_KINDS = ["rsvps", "seatOpened", "partyChanged", "reminders", "hostMessages"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationPrefs = Record<NotificationKind, boolean>;

export const MESSAGE_MAX = 1000;

/**
 * A checkbox: the form sends a hidden "off" before each box, so a form posted
 * without JavaScript says "off" for an unticked box rather than nothing.
 */
const box = z.optional(
  z.pipe(
    z.enum(["on", "off"], { error: "Tick the box or leave it empty." }),
    z.transform((v: "on" | "off") => v === "on"),
  ),
);

export const notificationPrefsFormSchema = z.object({
  rsvps: box,
  seatOpened: box,
  partyChanged: box,
  reminders: box,
  hostMessages: box,
});

const flag = (name: NotificationKind) => z.optional(z.boolean({ error: `${name} must be true or false.` }));

/** PUT /api/me/notifications: any of the five, each true or false; nothing else. */
export const notificationPrefsApiSchema = z.strictObject(
  {
    rsvps: flag("rsvps"),
    seatOpened: flag("seatOpened"),
    partyChanged: flag("partyChanged"),
    reminders: flag("reminders"),
    hostMessages: flag("hostMessages"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field: ${(issue as { keys: string[] }).keys.join(", ")}. Use ${NOTIFICATION_KINDS.join(", ")}.`
        : "Send an object of notification preferences, each true or false.",
  },
);

/** "Message" of "Message your guests": 1–1,000 characters of plain text. */
export const hostMessageSchema = z.object({
  message: z
    .string({ error: "Enter a message." })
    .check(
      ...textChecks({ label: "message", required: "Enter a message.", multiline: true }),
      z.maxLength(MESSAGE_MAX, `The message can be at most ${MESSAGE_MAX.toLocaleString("en")} characters.`),
    ),
});
