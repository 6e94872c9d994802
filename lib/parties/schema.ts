// Party schemas: the "Host a dinner party" / edit form (shared by
// react-hook-form and the server actions) and the JSON API's bodies. The
// field rules are the same; only the transport differs (a form sends strings
// and a wall-clock time with its zone, JSON sends numbers and ISO 8601).
import { textChecks } from "@/lib/text";
import { FALLBACK_TIME_ZONE, isValidTimeZone, localInputToUtc } from "@/lib/time";
import * as z from "zod/mini";
import "@/lib/zod";
import type { Output } from "@/lib/zod";
import { SEATS_MAX, SEATS_MIN, TEXT_MAX, YEARS_AHEAD } from "./bounds";

const text = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .check(
      ...textChecks({ label, required: `Enter the ${label}.` }),
      z.maxLength(TEXT_MAX, `The ${label} can be at most ${TEXT_MAX} characters.`),
    );

export const venueSchema = text("venue");
export const mainDishSchema = text("main dish");

const seatsRange = z
  .int({ error: "Enter a whole number of seats." })
  .check(
    z.minimum(SEATS_MIN, `A party needs at least ${SEATS_MIN} seats (yours included).`),
    z.maximum(SEATS_MAX, `A party can have at most ${SEATS_MAX} seats.`),
  );

const FUTURE = "Choose a date and time in the future.";
const TOO_FAR = `Choose a date within the next ${YEARS_AHEAD} years.`;

/** Whether a start time is no further ahead than a party can be planned (and a database can store). */
function withinReach(startsAt: Date): boolean {
  const latest = new Date();
  latest.setUTCFullYear(latest.getUTCFullYear() + YEARS_AHEAD);
  return startsAt.getTime() <= latest.getTime();
}

function zoneOf(timeZone: string | undefined): string {
  return isValidTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
}

/** Run a date check even when other fields are wrong, so every error shows at once. */
const hasDate = (payload: { value: unknown }) => typeof (payload.value as { date?: unknown })?.date === "string";

/** The form: every value a string, the date as the person's wall-clock time. */
export const partyFormSchema = z.pipe(
  z
    .object({
      date: z
        .string({ error: "Enter the date and time." })
        .check(z.trim(), z.minLength(1, "Enter the date and time."), z.maxLength(40)),
      /** the browser's IANA zone (hidden field); UTC when unknown */
      timeZone: z.optional(z.string().check(z.maxLength(64))),
      venue: venueSchema,
      mainDish: mainDishSchema,
      seats: z.pipe(
        z
          .string({ error: "Enter the number of seats." })
          .check(
            z.trim(),
            z.minLength(1, "Enter the number of seats."),
            z.regex(/^\d{1,4}$/, "Enter a whole number of seats."),
          ),
        z.pipe(
          z.transform((s: string) => Number(s)),
          seatsRange,
        ),
      ),
    })
    .check(
      z.refine((v) => v.date === "" || localInputToUtc(v.date, zoneOf(v.timeZone)) !== null, {
        path: ["date"],
        message: "Enter a valid date and time.",
        when: hasDate,
      }),
      z.refine(
        (v) => {
          const startsAt = localInputToUtc(v.date, zoneOf(v.timeZone));
          return startsAt === null || startsAt.getTime() > Date.now();
        },
        { path: ["date"], message: FUTURE, when: hasDate },
      ),
      z.refine(
        (v) => {
          const startsAt = localInputToUtc(v.date, zoneOf(v.timeZone));
          return startsAt === null || withinReach(startsAt);
        },
        { path: ["date"], message: TOO_FAR, when: hasDate },
      ),
    ),
  z.transform((v) => ({
    startsAt: localInputToUtc(v.date, zoneOf(v.timeZone))!,
    venue: v.venue,
    mainDish: v.mainDish,
    seats: v.seats,
  })),
);

export type PartyInput = Output<typeof partyFormSchema>;

/**
 * ISO 8601 from JSON: "2026-12-06T19:30:00+01:00", "…Z", or without an offset
 * (read as UTC, never as the server's zone), or a plain date (midnight UTC).
 */
const apiDate = z.pipe(
  z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], {
    error: "Enter the date as ISO 8601, e.g. 2026-12-06T19:30:00+01:00.",
  }),
  z
    .pipe(
      z.transform((s: string) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return new Date(`${s}T00:00:00Z`);
        return new Date(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`);
      }),
      z.date(),
    )
    .check(z.refine((d) => Number.isFinite(d.getTime()), "Enter a valid date.")),
);

const futureApiDate = apiDate.check(
  z.refine((d: Date) => d.getTime() > Date.now(), FUTURE),
  z.refine(withinReach, TOO_FAR),
);

const partyApiFields = {
  date: futureApiDate,
  venue: venueSchema,
  mainDish: mainDishSchema,
  seats: seatsRange,
};

/** POST /api/parties */
export const partyApiCreateSchema = z.object(partyApiFields);

/** PATCH /api/parties/{id}: any of the four fields, at least one. */
export const partyApiPatchSchema = z.pipe(
  z
    .partial(partyApiCreateSchema)
    .check(
      z.refine(
        (v) => Object.values(v).some((x) => x !== undefined),
        "Send at least one of date, venue, mainDish, seats.",
      ),
    ),
  z.transform(({ date, ...rest }) => ({ ...rest, ...(date ? { startsAt: date } : {}) })),
);

export type PartyPatch = Output<typeof partyApiPatchSchema>;

/** A party id from a URL or the "Party ID" field: digits only, within a database integer. */
export function parsePartyId(value: unknown): number | null {
  if (typeof value === "number")
    return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647 ? value : null;
  if (typeof value !== "string") return null;
  const s = value.trim().replace(/^#/, "");
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
