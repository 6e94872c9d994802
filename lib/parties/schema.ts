// Party schemas: the "Host a dinner party" / edit form (shared by
// react-hook-form and the server actions) and the JSON API's bodies. The
// field rules are the same; only the transport differs (a form sends strings
// and a wall-clock time with its zone, JSON sends numbers and ISO 8601).
import { isInvisible, textChecks } from "@/lib/text";
import { FALLBACK_TIME_ZONE, isValidTimeZone, localInputToUtc } from "@/lib/time";
import * as z from "zod/mini";
import "@/lib/zod";
import type { Output } from "@/lib/zod";
import { RSVP_BY_AFTER_START as DEADLINE_BEFORE_START, RSVP_BY_PAST as DEADLINE_FUTURE } from "./messages";
import { DETAILS_MAX, NOTE_MAX, PLUS_ONES_MAX, SEATS_MAX, SEATS_MIN, TEXT_MAX, TITLE_MAX, YEARS_AHEAD } from "./bounds";

const text = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .check(
      ...textChecks({ label, required: `Enter the ${label}.` }),
      z.maxLength(TEXT_MAX, `The ${label} can be at most ${TEXT_MAX} characters.`),
    );

export const venueSchema = text("venue");
export const mainDishSchema = text("main dish");

/** "Title" (optional): empty means none, and the party reads "Dinner at {venue}". */
export const titleSchema = z.pipe(
  z
    .string({ error: "Enter the title as text." })
    .check(
      ...textChecks({ label: "title" }),
      z.maxLength(TITLE_MAX, `The title can be at most ${TITLE_MAX} characters.`),
    ),
  z.transform((s: string) => (isInvisible(s) ? null : s)),
);

/** "Details" (optional): plain text, line breaks kept. */
export const detailsSchema = z
  .string({ error: "Enter the details as text." })
  .check(
    ...textChecks({ label: "details", multiline: true }),
    z.maxLength(DETAILS_MAX, `The details can be at most ${DETAILS_MAX.toLocaleString("en")} characters.`),
  );

const visibilitySchema = z.enum(["listed", "invite-only"], {
  error: 'Choose who can see this party: "listed" or "invite-only".',
});

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

const plusOnesAllowedRange = z
  .int({ error: "Enter a whole number of plus-ones." })
  .check(
    z.minimum(0, "Plus-ones per guest cannot be negative."),
    z.maximum(PLUS_ONES_MAX, `A guest can bring at most ${PLUS_ONES_MAX} plus-ones.`),
  );

/**
 * A checkbox of the form. The form sends a hidden "off" before the box, so
 * "off" is an unticked box and a missing field is a form that did not show
 * it (a client that predates it): that field is left as it was, or to its default.
 */
const checkbox = z.optional(
  z.pipe(
    z.enum(["on", "off"], { error: "Tick the box or leave it empty." }),
    z.transform((v: "on" | "off") => v === "on"),
  ),
);

type PartyFormFields = {
  date: string;
  timeZone?: string;
  rsvpBy?: string;
};

/** The start and deadline as the form's wall-clock times, in the person's zone. */
const startOf = (v: PartyFormFields) => localInputToUtc(v.date, zoneOf(v.timeZone));
const deadlineOf = (v: PartyFormFields) => (v.rsvpBy ? localInputToUtc(v.rsvpBy, zoneOf(v.timeZone)) : null);
const hasDeadline = (payload: { value: unknown }) =>
  hasDate(payload) && typeof (payload.value as { rsvpBy?: unknown })?.rsvpBy === "string";

/**
 * The form: every value a string, the date as the person's wall-clock time.
 * `newDeadlineOnly`: refuse a deadline in the past (creating). Editing leaves
 * that to updateParty, which knows whether the deadline changed.
 */
function partyForm(newDeadlineOnly: boolean) {
  return z.pipe(
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
        plusOnesAllowed: z.optional(
          z.pipe(
            z.string().check(
              z.trim(),
              z.regex(/^(\d{1,2})?$/, "Enter a whole number of plus-ones."),
              z.overwrite((s) => s || "0"),
            ),
            z.pipe(
              z.transform((s: string) => Number(s)),
              plusOnesAllowedRange,
            ),
          ),
        ),
        waitlist: checkbox,
        showGuestList: checkbox,
        title: z.optional(titleSchema),
        details: z.optional(detailsSchema),
        visibility: z.optional(visibilitySchema),
        venueHidden: checkbox,
        /** optional: empty clears it */
        rsvpBy: z.optional(z.string().check(z.trim(), z.maxLength(40))),
      })
      .check(
        z.refine((v) => v.date === "" || startOf(v) !== null, {
          path: ["date"],
          message: "Enter a valid date and time.",
          when: hasDate,
        }),
        z.refine(
          (v) => {
            const startsAt = startOf(v);
            return startsAt === null || startsAt.getTime() > Date.now();
          },
          { path: ["date"], message: FUTURE, when: hasDate },
        ),
        z.refine(
          (v) => {
            const startsAt = startOf(v);
            return startsAt === null || withinReach(startsAt);
          },
          { path: ["date"], message: TOO_FAR, when: hasDate },
        ),
        z.refine((v) => !v.rsvpBy || deadlineOf(v) !== null, {
          path: ["rsvpBy"],
          message: "Enter a valid date and time for the RSVP deadline.",
          when: hasDeadline,
        }),
        z.refine(
          (v) => {
            const [startsAt, deadline] = [startOf(v), deadlineOf(v)];
            return !startsAt || !deadline || deadline < startsAt;
          },
          { path: ["rsvpBy"], message: DEADLINE_BEFORE_START, when: hasDeadline },
        ),
        z.refine(
          (v) => {
            const deadline = deadlineOf(v);
            return !newDeadlineOnly || !deadline || deadline.getTime() > Date.now();
          },
          { path: ["rsvpBy"], message: DEADLINE_FUTURE, when: hasDeadline },
        ),
      ),
    z.transform((v) => ({
      startsAt: startOf(v)!,
      venue: v.venue,
      mainDish: v.mainDish,
      seats: v.seats,
      ...(v.plusOnesAllowed !== undefined && { plusOnesAllowed: v.plusOnesAllowed }),
      ...(v.waitlist !== undefined && { waitlist: v.waitlist }),
      ...(v.showGuestList !== undefined && { guestListHidden: !v.showGuestList }),
      ...(v.rsvpBy !== undefined && { rsvpBy: deadlineOf(v) }),
      ...(v.title !== undefined && { title: v.title }),
      ...(v.details !== undefined && { details: v.details }),
      ...(v.visibility !== undefined && { visibility: v.visibility }),
      ...(v.venueHidden !== undefined && { venueHidden: v.venueHidden }),
    })),
  );
}

/** "Host a dinner party". */
export const partyFormSchema = partyForm(true);
/** The edit page's form: the same fields. */
export const partyEditFormSchema = partyForm(false);

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

const futureDeadline = apiDate.check(z.refine((d: Date) => d.getTime() > Date.now(), DEADLINE_FUTURE));

const partyApiFields = {
  date: futureApiDate,
  venue: venueSchema,
  mainDish: mainDishSchema,
  seats: seatsRange,
  plusOnesAllowed: z.optional(plusOnesAllowedRange),
  waitlist: z.optional(z.boolean({ error: "Send true or false." })),
  rsvpBy: z.optional(z.nullable(futureDeadline)),
  guestListHidden: z.optional(z.boolean({ error: "Send true or false." })),
  title: z.optional(z.nullable(titleSchema)),
  details: z.optional(detailsSchema),
  visibility: z.optional(visibilitySchema),
  venueHidden: z.optional(z.boolean({ error: "Send true or false." })),
};

const deadlineBeforeStart = z.refine<{ date?: Date; rsvpBy?: Date | null }>(
  (v) => !v.date || !v.rsvpBy || v.rsvpBy < v.date,
  { path: ["rsvpBy"], message: DEADLINE_BEFORE_START },
);

/** POST /api/parties */
export const partyApiCreateSchema = z.object(partyApiFields).check(deadlineBeforeStart);

/** PATCH /api/parties/{id}: any of the fields, at least one. */
export const partyApiPatchSchema = z.pipe(
  z.partial(z.object(partyApiFields)).check(
    z.refine(
      (v) => Object.values(v).some((x) => x !== undefined),
      "Send at least one of date, venue, mainDish, seats, plusOnesAllowed, waitlist, rsvpBy, guestListHidden, title, details, visibility, venueHidden.",
    ),
    deadlineBeforeStart,
  ),
  z.transform(({ date, ...rest }) => ({ ...rest, ...(date ? { startsAt: date } : {}) })),
);

export type PartyPatch = Output<typeof partyApiPatchSchema>;

// ------------------------------------------------------------ answers

const ANSWER = "Choose going, maybe or declined.";

const plusOnesField = z
  .int({ error: "Enter a whole number of plus-ones." })
  .check(
    z.minimum(0, "Plus-ones cannot be negative."),
    z.maximum(PLUS_ONES_MAX, `A guest can bring at most ${PLUS_ONES_MAX} plus-ones.`),
  );

/** "Note for the host": plain text, line breaks allowed, empty clears it. */
export const noteSchema = z
  .string({ error: "Enter the note as text." })
  .check(
    ...textChecks({ label: "note", multiline: true }),
    z.maxLength(NOTE_MAX, `The note can be at most ${NOTE_MAX} characters.`),
  );

/** PUT /api/parties/{id}/rsvp */
export const rsvpApiSchema = z.object({
  response: z.enum(["going", "maybe", "declined"], { error: ANSWER }),
  plusOnes: z.optional(plusOnesField),
  note: z.optional(noteSchema),
});

/** POST /api/parties/{id}/rsvp: an RSVP (going), optionally with plus-ones. */
export const rsvpApiPostSchema = z.object({ plusOnes: z.optional(plusOnesField) });

/** The answer form of /parties/{id}: the button pressed names the answer. */
export const answerFormSchema = z.object({
  partyId: z.string().check(z.maxLength(100)),
  response: z.enum(["going", "maybe", "declined"], { error: ANSWER }),
  plusOnes: z.optional(
    z.pipe(
      z.string().check(z.trim(), z.regex(/^(\d{1,2})?$/, "Enter a whole number of plus-ones.")),
      z.pipe(
        z.transform((s: string) => Number(s || "0")),
        plusOnesField,
      ),
    ),
  ),
  note: z.optional(noteSchema),
});

export type AnswerForm = Output<typeof answerFormSchema>;

/** The one rule of a party id (lib/party-access), for the parties' own pages and routes. */
export { parsePartyId } from "@/lib/party-access/schema";
