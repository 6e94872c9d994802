// iCalendar (RFC 5545) output: the few properties a dinner party needs,
// written by hand rather than with ical-generator, whose current versions
// need Node 22 (docs/decisions/024-calendar-files.md). The tests read every
// file back with ical.js, a full parser, not with string matching.
//
// - Lines end in CRLF and are folded at 75 octets (UTF-8), never inside a
//   character: a continuation line starts with one space.
// - TEXT values escape backslash, semicolon, comma and line breaks.
// - Times are UTC ("…Z"): no VTIMEZONE to get wrong.

export type IcsEvent = {
  uid: string;
  start: Date;
  /** ISO 8601 duration, e.g. PT3H */
  duration: string;
  summary: string;
  description?: string;
  /** left out where the viewer may not see the venue */
  location?: string | null;
  url?: string;
  /** grows with every change (RFC 5545 §3.8.7.4) */
  sequence: number;
  lastModified?: Date;
};

export type IcsCalendar = {
  /** PUBLISH for a feed; none for a single file to open */
  method?: "PUBLISH";
  /** the calendar's name in the app that subscribes (X-WR-CALNAME) */
  name?: string;
  events: IcsEvent[];
  /** DTSTAMP: when this file was made */
  now?: Date;
};

/** "20261206T183000Z" */
export function icsDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** A TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** One content line, folded so no physical line is longer than 75 octets (CRLF not counted). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const room = out.length === 0 ? 75 : 74;
    if (octets + size > room) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsDate(e.start)}`,
    `DURATION:${e.duration}`,
    `SEQUENCE:${e.sequence}`,
    ...(e.lastModified ? [`LAST-MODIFIED:${icsDate(e.lastModified)}`] : []),
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    "END:VEVENT",
  ];
}

/** A whole VCALENDAR, ready to send as text/calendar. */
export function renderCalendar({ method, name, events, now = new Date() }: IcsCalendar): string {
  const stamp = icsDate(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//DinnerParty//DinnerParty calendar//EN",
    "CALSCALE:GREGORIAN",
    ...(method ? [`METHOD:${method}`] : []),
    ...(name ? [`X-WR-CALNAME:${escapeText(name)}`] : []),
    ...events.flatMap((e) => eventLines(e, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
