import "server-only";
import type { NewMail } from "@/lib/mail/mutations";
import { renderMail } from "@/lib/mail/templates";
import { formatPartyDate } from "@/lib/time";
import { KIND_LABELS } from "./messages";
import type { NotificationKind } from "./schema";

// The notification mails. Each carries the one-click unsubscribe of its kind
// (RFC 8058: List-Unsubscribe names the POST address, List-Unsubscribe-Post
// says one click is enough) and the same link in its footer for people.
// Dates are written in UTC with the zone named: a mail has no viewer whose
// zone we know, and the link opens the page in the reader's own.

const APP = "DinnerParty";

/** `timeZone`: the IANA zone dates are written in for this person (their browser's, else UTC). */
export type Recipient = { email: string; timeZone: string; unsubscribeUrl: string; unsubscribePostUrl: string };
export type PartyRef = { title: string; url: string; startsAt: Date };

/** A date as the recipient reads it: in their own zone, the zone named ("Sun 6 Dec, 19:30 (Europe/Paris)"). */
const when = (d: Date, to: Recipient) => formatPartyDate(d, { locale: "en-GB", timeZone: to.timeZone });

function notification(
  kind: NotificationKind,
  to: Recipient,
  subject: string,
  body: { heading: string; paragraphs: string[]; action: { label: string; url: string } },
  dedupeKey?: string,
): NewMail {
  return {
    kind: `notify-${kind}`,
    to: to.email,
    subject,
    headers: {
      "List-Unsubscribe": `<${to.unsubscribePostUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    dedupeKey,
    ...renderMail({
      ...body,
      footer: [
        `You get this mail because “${KIND_LABELS[kind]}” is on in your ${APP} email notifications.`,
        `Stop these mails: ${to.unsubscribeUrl}`,
      ],
    }),
  };
}

const ANSWER_WORDS = {
  going: "is going to",
  maybe: "might come to",
  declined: "can't go to",
  waitlisted: "joined the waitlist of",
  cancelled: "withdrew their answer to",
} as const;
export type AnswerNews = keyof typeof ANSWER_WORDS;

/** To the host: a guest's new or changed answer. */
export function answerMail(
  to: Recipient,
  party: PartyRef,
  guest: string,
  news: AnswerNews,
  { plusOnes, note, changed, noteOnly }: { plusOnes: number; note: string; changed: boolean; noteOnly?: boolean },
): NewMail {
  const line = `${guest} ${ANSWER_WORDS[news]} ${party.title}${plusOnes > 0 ? ` with ${plusOnes} plus-one${plusOnes === 1 ? "" : "s"}` : ""}.`;
  if (noteOnly) {
    // Their answer is as it was: the news is the note (or that it is gone).
    const what = note ? "left you a note" : "took back their note";
    return notification("rsvps", to, `${guest} ${what} about ${party.title}`, {
      heading: `${guest} ${what}`,
      paragraphs: [...(note ? [`Their note: ${note}`] : []), line, `The party: ${when(party.startsAt, to)}.`],
      action: { label: "See the guest list", url: party.url },
    });
  }
  return notification("rsvps", to, line.slice(0, -1), {
    heading: changed ? `${guest} changed their answer` : "A new answer",
    paragraphs: [line, `The party: ${when(party.startsAt, to)}.`, ...(note ? [`Their note: ${note}`] : [])],
    action: { label: "See the guest list", url: party.url },
  });
}

/** To a waitlisted guest who now has a seat. */
export function promotedMail(to: Recipient, party: PartyRef): NewMail {
  return notification("seatOpened", to, `A seat opened up: you're going to ${party.title}`, {
    heading: "A seat opened up for you",
    paragraphs: [
      `You were on the waitlist of ${party.title}, and now you have a seat: you're going.`,
      `The party: ${when(party.startsAt, to)}. If you cannot make it after all, please change your answer so the next guest gets the seat.`,
    ],
    action: { label: "See the party", url: party.url },
  });
}

/** To going and maybe guests: the date, time or venue moved. `venue` is null when this guest may not see it. */
export function changedMail(
  to: Recipient,
  party: PartyRef,
  change: { date: boolean; venue: boolean },
  venue: string | null,
): NewMail {
  const what = [change.date && "the date and time", change.venue && "the venue"].filter(Boolean).join(" and ");
  return notification("partyChanged", to, `${party.title} has changed`, {
    heading: `${party.title} has changed`,
    paragraphs: [
      `The host changed ${what}.`,
      `When: ${when(party.startsAt, to)}.`,
      ...(change.venue
        ? [venue === null ? "Where: the venue is shown to going guests on the party page." : `Where: ${venue}.`]
        : []),
    ],
    action: { label: "See the party", url: party.url },
  });
}

/** To going and maybe guests: the host deleted the party. */
export function cancelledMail(to: Recipient, party: PartyRef, host: string, home: string): NewMail {
  return notification("partyChanged", to, `${party.title} is cancelled`, {
    heading: `${party.title} is cancelled`,
    paragraphs: [`${host} cancelled ${party.title}, which was to be on ${when(party.startsAt, to)}.`],
    action: { label: "Find another party", url: home },
  });
}

/** To a going guest, once, the day before. */
export function reminderMail(to: Recipient, party: PartyRef, venue: string, dedupeKey: string): NewMail {
  return notification(
    "reminders",
    to,
    `Tomorrow: ${party.title}`,
    {
      heading: `${party.title} is coming up`,
      paragraphs: [`You're going to ${party.title}.`, `When: ${when(party.startsAt, to)}.`, `Where: ${venue}.`],
      action: { label: "See the party", url: party.url },
    },
    dedupeKey,
  );
}

/** "Message your guests": the host's words, as plain text. */
export function hostMessageMail(to: Recipient, party: PartyRef, host: string, message: string): NewMail {
  return notification("hostMessages", to, `A message from ${host} about ${party.title}`, {
    heading: `A message from ${host}`,
    paragraphs: [`About ${party.title} (${when(party.startsAt, to)}):`, ...message.split(/\n{2,}/)],
    action: { label: "See the party", url: party.url },
  });
}
