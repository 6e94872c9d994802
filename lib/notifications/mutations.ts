import "server-only";
import { db, rawBool, rawDate, sql, sqlJoin, type RawScalar, type Tx } from "@/lib/db";
import { mailOrigin } from "@/lib/http/request";
import { enqueueMail, type NewMail } from "@/lib/mail/mutations";
import { partyTitle, visibleTo } from "@/lib/party-access/data";
import { hit, RATE_LIMITS, type Hit } from "@/lib/rate-limit/mutations";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPrefs } from "./schema";
import { readUnsubscribeToken, unsubscribeToken } from "./tokens";
import {
  answerMail,
  cancelledMail,
  changedMail,
  hostMessageMail,
  promotedMail,
  reminderMail,
  type AnswerNews,
  type PartyRef,
  type Recipient,
} from "./templates";

// Notification mails are queued in the transaction of the change they tell
// of (`tx`), through the outbox (lib/mail/mutations.ts): a rolled-back answer
// mails nobody, a committed one is never lost. Each recipient's preference is
// read in that same statement, so a kind turned off is never queued.

/** Each preference's column, as SQL on the user `u`. */
const WANTS = {
  rsvps: sql`u."notifyRsvps"`,
  seatOpened: sql`u."notifySeatOpened"`,
  partyChanged: sql`u."notifyPartyChanged"`,
  reminders: sql`u."notifyReminders"`,
  hostMessages: sql`u."notifyHostMessages"`,
} satisfies Record<NotificationKind, unknown>;

/** The User column behind each preference. */
const COLUMN = {
  rsvps: "notifyRsvps",
  seatOpened: "notifySeatOpened",
  partyChanged: "notifyPartyChanged",
  reminders: "notifyReminders",
  hostMessages: "notifyHostMessages",
} as const satisfies Record<NotificationKind, string>;

function recipient(userId: string, email: string, kind: NotificationKind, timeZone: string | null): Recipient {
  const token = unsubscribeToken(userId, kind);
  const origin = mailOrigin();
  return {
    email,
    timeZone: timeZone ?? "UTC",
    unsubscribeUrl: `${origin}/unsubscribe/${token}`,
    unsubscribePostUrl: `${origin}/api/unsubscribe/${token}`,
  };
}

export type UnsubscribeResult = { status: "ok"; kind: NotificationKind } | { status: "invalid" };

/** One click, no session: turn off the kind the token names. Saying it twice is fine. */
export async function unsubscribe(token: string): Promise<UnsubscribeResult> {
  const target = readUnsubscribeToken(token);
  if (!target) return { status: "invalid" };
  const { count } = await db.user.updateMany({
    where: { id: target.userId },
    data: { [COLUMN[target.kind]]: false },
  });
  return count === 1 ? { status: "ok", kind: target.kind } : { status: "invalid" };
}

/** Save some or all of the preferences; the ones left out keep their value. */
export async function savePreferences(userId: string, prefs: Partial<NotificationPrefs>): Promise<void> {
  const data = Object.fromEntries(
    NOTIFICATION_KINDS.filter((k) => prefs[k] !== undefined).map((k) => [COLUMN[k], prefs[k]]),
  );
  if (Object.keys(data).length > 0) await db.user.update({ where: { id: userId }, data, select: { id: true } });
}

// ------------------------------------------------------------ the party mails

type PartyRow = {
  title: string | null;
  venue: string;
  venueHidden: RawScalar | boolean;
  startsAt: RawScalar;
  hostUsername: string;
};

const partyUrl = (id: number) => `${mailOrigin()}/parties/${id}`;

/** The party as a mail names it: with its venue only for those who may see it. */
function partyRef(id: number, p: PartyRow, seesVenue: boolean): PartyRef {
  const venue = seesVenue || !rawBool(p.venueHidden) ? p.venue : null;
  return { title: partyTitle(p.title, venue, p.hostUsername), url: partyUrl(id), startsAt: rawDate(p.startsAt) };
}

const PARTY_COLUMNS = sql`p."title", p."venue", p."venueHidden", p."startsAt", h."username" AS "hostUsername"`;

/** `noteOnly`: the answer and plus-ones are as before, only the note changed. */
export type AnswerNotice = { news: AnswerNews; plusOnes: number; note: string; changed: boolean; noteOnly?: boolean };

/** To the host: `guestId` answered, changed or withdrew their answer. One query, then the mail if wanted. */
/**
 * What the host's answer mail needs, read by the caller in the statement
 * that locks the party (lib/parties/mutations/): an answer with the mail off
 * costs no query at all, and with it on, one insert.
 */
export type AnswerContext = {
  partyId: number;
  hostId: string;
  hostEmail: string;
  hostTimeZone: string | null;
  hostUsername: string;
  hostWantsAnswers: boolean;
  title: string | null;
  venue: string;
  startsAt: Date;
  guest: string;
};

/** To the host: a guest answered, changed or withdrew their answer. */
export async function notifyHostOfAnswer(tx: Tx, c: AnswerContext, notice: AnswerNotice): Promise<void> {
  if (!c.hostWantsAnswers) return;
  const party: PartyRef = {
    title: partyTitle(c.title, c.venue, c.hostUsername),
    url: partyUrl(c.partyId),
    startsAt: c.startsAt,
  };
  const to = recipient(c.hostId, c.hostEmail, "rsvps", c.hostTimeZone);
  await enqueueMail(tx, answerMail(to, party, c.guest, notice.news, notice));
}

type GuestRow = { userId: string; email: string; timeZone: string | null; response: string };

/** The guests of `partyId` answering one of `responses` (never the host) who want `kind`. */
async function guestsWanting(
  tx: Tx,
  partyId: number,
  kind: NotificationKind,
  responses: string[],
  only?: string[],
): Promise<GuestRow[]> {
  if (only?.length === 0) return [];
  return tx.$queryRaw<GuestRow[]>`
    SELECT a."userId", u."email", u."timeZone", a."response"
    FROM "Attendance" a JOIN "User" u ON u."id" = a."userId" JOIN "DinnerParty" p ON p."id" = a."partyId"
    WHERE a."partyId" = ${partyId} AND a."userId" <> p."hostId"
      AND a."response" IN (${sqlJoin(responses)}) AND ${WANTS[kind]}
      ${only ? sql`AND a."userId" IN (${sqlJoin(only)})` : sql``}
    ORDER BY a."createdAt"`;
}

async function partyRow(tx: Tx, partyId: number): Promise<PartyRow | null> {
  const rows = await tx.$queryRaw<PartyRow[]>`
    SELECT ${PARTY_COLUMNS} FROM "DinnerParty" p JOIN "User" h ON h."id" = p."hostId" WHERE p."id" = ${partyId}`;
  return rows[0] ?? null;
}

/**
 * Queue `build`'s mail for each guest of `partyId` answering one of
 * `responses` (not the host) who wants `kind`; the party named as that guest
 * may see it — with its venue only if they are going or it is not hidden.
 */
async function mailGuests(
  tx: Tx,
  partyId: number,
  kind: NotificationKind,
  responses: string[],
  build: (to: Recipient, party: PartyRef, row: PartyRow, seesVenue: boolean) => NewMail,
  { only, row: known, now }: { only?: string[]; row?: PartyRow; now?: Date } = {},
): Promise<void> {
  const guests = await guestsWanting(tx, partyId, kind, responses, only);
  if (guests.length === 0) return;
  const row = known ?? (await partyRow(tx, partyId));
  if (!row) return;
  for (const g of guests) {
    const sees = g.response === "going" || !rawBool(row.venueHidden);
    const to = recipient(g.userId, g.email, kind, g.timeZone);
    await enqueueMail(tx, build(to, partyRef(partyId, row, sees), row, sees), now);
  }
}

/** To waitlisted guests just seated (they are going now, so they see the venue). */
export async function notifyPromoted(tx: Tx, partyId: number, userIds: string[]): Promise<void> {
  await mailGuests(tx, partyId, "seatOpened", ["going"], (to, party) => promotedMail(to, party), { only: userIds });
}

/** To going and maybe guests, after the host saved a new date, time or venue (the party as it now is). */
export async function notifyPartyChanged(tx: Tx, partyId: number, change: { date: boolean; venue: boolean }) {
  if (!change.date && !change.venue) return;
  await mailGuests(tx, partyId, "partyChanged", ["going", "maybe"], (to, party, row, sees) =>
    changedMail(to, party, change, sees ? row.venue : null),
  );
}

/** To going and maybe guests, in the deleting transaction, before the party goes. */
export async function notifyPartyDeleted(tx: Tx, partyId: number): Promise<void> {
  await mailGuests(tx, partyId, "partyChanged", ["going", "maybe"], (to, party, row) =>
    cancelledMail(to, party, row.hostUsername, `${mailOrigin()}/rsvp`),
  );
}

// ------------------------------------------------------------ reminders

export const REMINDER_AHEAD_MS = 24 * 3_600_000;

/** The outbox key that makes a reminder go out once per guest and party, whatever the instances and restarts. */
export const reminderKey = (partyId: number, userId: string) => `reminder:${partyId}:${userId}`;

/**
 * Queue the reminders due: every going guest (not the host) of a party
 * starting within the next 24 hours who wants them and has none queued yet.
 * Run by every sender now and then (lib/mail/sender.ts); the outbox's unique
 * key makes a second instance's run, or a restart's, queue nothing twice.
 */
export async function queueReminders(now = new Date(), limit = 200): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_AHEAD_MS);
  const due = await db.$queryRaw<
    (PartyRow & { partyId: RawScalar; userId: string; email: string; timeZone: string | null })[]
  >`
    SELECT a."partyId", a."userId", u."email", u."timeZone", ${PARTY_COLUMNS}
    FROM "DinnerParty" p
      JOIN "Attendance" a ON a."partyId" = p."id"
      JOIN "User" u ON u."id" = a."userId"
      JOIN "User" h ON h."id" = p."hostId"
    WHERE p."startsAt" > ${now} AND p."startsAt" <= ${until}
      AND a."response" = 'going' AND a."userId" <> p."hostId" AND u."notifyReminders"
      AND NOT EXISTS (SELECT 1 FROM "OutboxMail" o WHERE o."dedupeKey" = 'reminder:' || p."id" || ':' || a."userId")
    ORDER BY p."startsAt", a."userId"
    LIMIT ${limit}`;
  let queued = 0;
  for (const r of due) {
    const partyId = Number(r.partyId);
    const mail = reminderMail(
      recipient(r.userId, r.email, "reminders", r.timeZone),
      partyRef(partyId, r, true),
      r.venue,
      reminderKey(partyId, r.userId),
    );
    if (await enqueueMail(db, mail, now)) queued++;
  }
  return queued;
}

// ------------------------------------------------------------ "Message your guests"

export function hostMessageAllowed(hostId: string): Promise<Hit> {
  return hit(`party:message:${hostId}`, RATE_LIMITS.hostMessagePerUser);
}

/** Who a host's message is for: the guests still answering going, maybe, or on the waitlist. */
const MESSAGE_RESPONSES = ["going", "maybe", "waitlisted"];

export type SendMessageResult =
  | { status: "ok"; sentTo: number }
  | { status: "not_found" }
  | { status: "forbidden" }
  | { status: "throttled"; retryAfter: number };

/** The host writes to the guests: the message is kept (the party page lists it) and mailed, in one transaction. */
export async function sendHostMessage(
  partyId: number,
  hostId: string,
  message: string,
  now = new Date(),
): Promise<SendMessageResult> {
  // Counted before the transaction: SQLite has one writer, and the counter is a write of its own.
  const allowed = await hostMessageAllowed(hostId);
  if (!allowed.ok) return { status: "throttled", retryAfter: allowed.retryAfter };
  return db.$transaction(async (tx): Promise<SendMessageResult> => {
    const party = await tx.$queryRaw<(PartyRow & { hostId: string })[]>`
      SELECT ${PARTY_COLUMNS}, p."hostId" FROM "DinnerParty" p JOIN "User" h ON h."id" = p."hostId"
      WHERE p."id" = ${partyId} AND ${visibleTo(hostId)}`;
    const p = party[0];
    if (!p) return { status: "not_found" };
    if (p.hostId !== hostId) return { status: "forbidden" };
    const counted = await tx.$queryRaw<{ n: RawScalar }[]>`
      SELECT COUNT(*) AS "n" FROM "Attendance"
      WHERE "partyId" = ${partyId} AND "userId" <> ${hostId} AND "response" IN (${sqlJoin(MESSAGE_RESPONSES)})`;
    const sentTo = Number(counted[0]?.n ?? 0);
    await tx.partyMessage.create({ data: { partyId, body: message, sentTo, createdAt: now }, select: { id: true } });
    await mailGuests(
      tx,
      partyId,
      "hostMessages",
      MESSAGE_RESPONSES,
      (to, party) => hostMessageMail(to, party, p.hostUsername, message),
      { row: p, now },
    );
    return { status: "ok", sentTo };
  });
}
