// The numbers behind the party form's rules, without zod: the form renders
// them (min, max, maxlength) and must not pull the schemas into the first page
// load. ./schema.ts states the rules with these same numbers.
export const TEXT_MAX = 120;
export const SEATS_MIN = 2;
export const SEATS_MAX = 100;
/** How far ahead a party may be planned: a bound any real dinner is within, and far from year 9999. */
export const YEARS_AHEAD = 5;
/** Extra people a going guest may bring, at most (the host chooses 0 to this). */
export const PLUS_ONES_MAX = 5;
/** The "Note for the host". */
export const NOTE_MAX = 280;
/** The party's own title ("Dinner at {venue}" when none). */
export const TITLE_MAX = 80;
/** The party's details: plain text, line breaks kept. */
export const DETAILS_MAX = 2000;
