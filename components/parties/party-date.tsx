import { formatPartyDate, type Viewer } from "@/lib/time";

/**
 * A party's start in the viewer's locale and time zone, zone named. The
 * viewer comes from the caller (one `getViewer()` per page or list), so a
 * list of dates renders synchronously.
 */
export function PartyDate({ date, viewer }: { date: Date; viewer: Viewer }) {
  return <time dateTime={date.toISOString()}>{formatPartyDate(date, viewer)}</time>;
}
