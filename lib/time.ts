// Dates and time zones, for the server and the browser alike. Parties are
// stored in UTC; people enter the wall-clock time of their own zone (a
// datetime-local input plus the zone the browser reports) and read dates in
// their locale and zone, with the zone named.
import { TZDate } from "@date-fns/tz";
import { remember } from "@/lib/memo";

export const FALLBACK_TIME_ZONE = "UTC";

// Building an Intl.DateTimeFormat costs far more than using one (ICU loads
// the locale and zone data each time): they are kept per locale and zone.
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  return remember(zoneValidity, zone, () => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  });
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-06T19:30" in "Europe/Paris" → the UTC instant, or null if not a real time. */
export function localInputToUtc(value: string, zone: string): Date | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m || !isValidTimeZone(zone)) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0)) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59) return null;
  const local = new TZDate(year!, month! - 1, day!, hour!, minute!, second!, zone);
  // Reject dates that roll over (31 February) rather than silently moving them.
  if (local.getDate() !== day || local.getMonth() !== month! - 1) return null;
  const time = local.getTime();
  return Number.isFinite(time) ? new Date(time) : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The UTC instant as a datetime-local value in `zone`: "2026-12-06T19:30". */
export function utcToLocalInput(date: Date, zone: string): string {
  const z = new TZDate(date.getTime(), isValidTimeZone(zone) ? zone : FALLBACK_TIME_ZONE);
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}`;
}

export type Viewer = { locale: string; timeZone: string };

/** "Sat 6 Dec, 19:30 (Europe/Paris)" — in the viewer's locale and zone, the year when not this year's. */
export function formatPartyDate(date: Date, { locale, timeZone }: Viewer, now = new Date()): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  const years = remember(yearFormats, zone, () => new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric" }));
  const withYear = years.format(date) !== years.format(now);
  const format = remember(
    dateFormats,
    `${locale}|${zone}|${withYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: withYear ? "numeric" : undefined,
        hour: "2-digit",
        minute: "2-digit",
      }),
  );
  return `${format.format(date)} (${zone})`;
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
