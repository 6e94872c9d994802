import { formatPartyDate } from "@/lib/time";
import { getViewer } from "@/lib/viewer";

/** A party's start in the viewer's locale and time zone, zone named. */
export async function PartyDate({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatPartyDate(date, await getViewer())}</time>;
}
