import { Fragment } from "react";
import { formatPartyDate, type Viewer } from "@/lib/time";

/**
 * A date in the viewer's locale and time zone, zone named. The viewer comes
 * from the caller (one `getViewer()` per page or list), so a list of dates
 * renders synchronously. Never broken inside a word (`.date-text`: the page's
 * `overflow-wrap: anywhere` once split "(Europe/Lond|on)" in a narrow
 * column): lines break at spaces and, in a long zone name, after a slash.
 */
export function PartyDate({ date, viewer }: { date: Date; viewer: Viewer }) {
  const parts = formatPartyDate(date, viewer).split("/");
  return (
    <time dateTime={date.toISOString()} className="date-text">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </time>
  );
}
