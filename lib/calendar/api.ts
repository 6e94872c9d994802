import "server-only";
import type { Party } from "@/lib/parties/data";
import { icsDate, type IcsEvent } from "./ics";

/** Every party is booked for three hours (shared/design.md). */
const DURATION_MS = 3 * 3_600_000;

/** The party's page, absolute. */
export function partyUrl(origin: string, id: number): string {
  return `${origin}/parties/${id}`;
}

function description(p: Party): string {
  const facts = `Hosted by ${p.host.username}. Main dish: ${p.mainDish}.`;
  return p.details ? `${p.details}\n\n${facts}` : facts;
}

/**
 * A party as one VEVENT, as the viewer sees it (`p` comes from lib/parties/data.ts,
 * which hides the venue where it must): the UID never changes, SEQUENCE is the
 * party's revision, and there is no LOCATION when the venue is hidden.
 */
export function partyEvent(p: Party, origin: string): IcsEvent {
  return {
    uid: `party-${p.id}@dinnerparty`,
    start: p.startsAt,
    duration: "PT3H",
    summary: p.title,
    description: description(p),
    location: p.venue,
    url: partyUrl(origin, p.id),
    sequence: p.revision,
    lastModified: p.updatedAt,
  };
}

/** "Google Calendar": Google's prefilled new-event page, with only what the viewer may see. */
export function googleCalendarUrl(p: Party, origin: string): string {
  const end = new Date(p.startsAt.getTime() + DURATION_MS);
  const q = new URLSearchParams({
    action: "TEMPLATE",
    text: p.title,
    dates: `${icsDate(p.startsAt)}/${icsDate(end)}`,
    details: `${description(p)}\n\n${partyUrl(origin, p.id)}`,
    ...(p.venue !== null && { location: p.venue }),
  });
  return `https://calendar.google.com/calendar/render?${q}`;
}

/** The personal feed's address. */
export function feedUrl(origin: string, token: string): string {
  return `${origin}/calendar/${token}.ics`;
}
