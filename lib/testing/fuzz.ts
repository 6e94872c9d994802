// What the two property-based fuzzes share (lib/schemas.property.test.ts,
// e2e/api-property.spec.ts): the seed, the rules a stored text must keep —
// written here once, independently of lib/text.ts, so the fuzz checks the
// app rather than repeats it — and the generators of awkward input.
// Test-only: nothing in the app imports it.
import fc from "fast-check";
import { TEXT_MAX } from "../parties/bounds";

const DEFAULT_SEED = 20261122;

export const SEED = (() => {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === "") return DEFAULT_SEED;
  const seed = Number(raw);
  // A typo must not quietly fall back to the default seed and "replay" nothing.
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${JSON.stringify(raw)}`);
  return seed;
})();

/**
 * fast-check's report (seed, path, shrunk counterexample, the error) is the
 * failure message. The time limit bounds shrinking, where every step may be a
 * database write or a request: the report then shows the counterexample
 * shrunk so far.
 */
export function fuzzParams(numRuns: number, timeLimitMs: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns, includeErrorInReport: true, plugins: [fc.interruptAfterTimeLimit(timeLimitMs)] };
}

// ------------------------------------------------------------- the rules

export const DAY = 86_400_000;
/** A party's start must be in the future and at most about five years ahead (a day's grace on 5 × 366 days). */
export const HORIZON_MS = 5 * 366 * DAY + DAY;

const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/gu;
const codePoints = (s: string) => Array.from(s).length;

export type TextRule = { max: number; min?: number };

/**
 * What is wrong with a text the app accepted or stored ([] when nothing).
 * Every field is single-line today, so control characters are refused
 * throughout. Lengths are counted in code points, the most lenient count.
 */
export function textViolations(value: unknown, { max, min = 1 }: TextRule): string[] {
  if (typeof value !== "string") return [`not a string (${typeof value})`];
  const found: string[] = [];
  if (/\p{Cs}/u.test(value)) found.push("a lone surrogate");
  if (value !== value.normalize("NFC")) found.push("not NFC-normalised");
  if (value !== value.trim()) found.push("not trimmed");
  if (/\p{Cc}/u.test(value)) found.push("a C0/C1 control character");
  if (/[\u202a-\u202e\u2066-\u2069]/u.test(value)) found.push("a bidi embedding/override/isolate");
  if (min > 0 && value.replace(INVISIBLE, "") === "") found.push("nothing visible");
  const length = codePoints(value);
  if (length < min || length > max) found.push(`${length} characters, outside ${min}–${max}`);
  return found;
}

// ------------------------------------------------------------ generators

/** The characters the rules are about, far more often than uniform Unicode would give them. */
const SPECIALS = [
  ...["\ud800", "\udbff", "\udc00", "\udfff"], // lone surrogates
  ...["\u0000", "\u0007", "\b", "\t", "\n", "\v", "\r", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f"],
  ...["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
  ...["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u061c"],
  ...[" ", "\u00a0", "\u2028", "\u3000", "\u1680"],
  ...["e\u0301", "\u212b", "\u1e9b\u0323", "A\u030a", "\ufb01", "\u0130", "\u212a"], // NFC and case oddities
  ...["😀", "👩‍👩‍👧", "\u{1f3f3}\ufe0f", "\ufffd", "\uffff", "\u{10ffff}", "'", '"', "<", "\\", "%", "${"],
];
export const special = fc.constantFrom(...SPECIALS);
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
export const ascii = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 });
export const specialRun = fc.string({ unit: special, maxLength: 3 });
const padding = fc.string({
  unit: fc.constantFrom(" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\ufeff"),
  maxLength: 2,
});

/** `core` with awkward characters before, inside and after it. */
const decorated = (core: fc.Arbitrary<string>) =>
  fc
    .tuple(specialRun, core, specialRun, fc.string({ unit: "grapheme-ascii", maxLength: 6 }), specialRun)
    .map(([a, x, b, y, c]) => a + x + b + y + c);

/** `core` with only what trimming removes around it. */
export const padded = (core: fc.Arbitrary<string>) => fc.tuple(padding, core, padding).map(([a, x, b]) => a + x + b);

export const atLength = (n: fc.Arbitrary<number>) =>
  fc.tuple(n, fc.constantFrom("v", "é", "e\u0301", "😀", " ", "\u200b")).map(([k, c]) => c.repeat(k));

export const nastyText = fc.oneof(
  { weight: 4, arbitrary: decorated(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 16 })) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(special, ascii), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) }, // any code point
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 24 }) }, // any UTF-16 unit
  // A half of an emoji, alone or cut from its pair, inside otherwise ordinary text.
  { weight: 1, arbitrary: decorated(fc.constantFrom("\ud83d", "\ude00", "\ude00\ud83d", "\udbff\udbff")) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 1, arbitrary: atLength(fc.integer({ min: TEXT_MAX - 2, max: TEXT_MAX + 2 })) },
);

/** Numbers JSON can carry: zero, signs, fractions, huge and tiny ones. */
export const jsonNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, 5e-324, 1e21, 2 ** 31, -(2 ** 31), 2 ** 53, -(2 ** 53) - 2),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const nested = fc.tuple(fc.integer({ min: 1, max: 300 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { venue: v };
  return v;
});

/** Keys that have bitten parsers: prototype names, fields a client must not set, odd text. */
export const awkwardKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "id", "hostId", "seatsTaken", "passwordHash"),
  nastyText,
);

/** Any value built of these leaves (and the strings and numbers above), nested a few levels. */
export function anyValue(leaves: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth: 3 },
      nastyText,
      ...leaves,
      fc.boolean(),
      fc.constant(null),
      nested,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(awkwardKey, tie("value"), { maxKeys: 3 }),
    ),
  })).value;
}

/** Keys an object should not have, with any values. */
export const extraKeysOf = (value: fc.Arbitrary<unknown>) => fc.dictionary(awkwardKey, value, { maxKeys: 3 });

// ----------------------------------------------------------------- dates

// One "now" per file that imports this, so a generated value is the same each time fast-check replays it.
export const NOW = Date.now();
export const fromNow = (min: number, max: number) => fc.integer({ min, max }).map((ms) => new Date(NOW + ms));
const dateIn = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

/** Around the edges: past, beyond five years, anywhere in years 1–9999, and just past 9999 (UTC). */
export const farOff = fc.oneof(
  { weight: 1, arbitrary: fromNow(5 * 365 * DAY, 8 * 366 * DAY) },
  { weight: 1, arbitrary: fromNow(-400 * DAY, -10 * 60_000) },
  { weight: 1, arbitrary: dateIn("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z") },
  { weight: 2, arbitrary: dateIn("9999-12-31T00:00:00Z", "+010000-01-01T23:59:59Z") },
);

const offsetMinutes = fc.oneof(
  fc.constant(0),
  fc.constantFrom(-720, -300, 330, 345, 840),
  fc.integer({ min: -1439, max: 1439 }),
);
const hhmm = (m: number) =>
  `${m < 0 ? "-" : "+"}${String(Math.floor(Math.abs(m) / 60)).padStart(2, "0")}:${String(Math.abs(m) % 60).padStart(2, "0")}`;

/**
 * ISO 8601 as clients write it: Z, an offset (the wall clock there: 9999-12-31T23:00-05:00
 * is in year 10000 UTC), no zone (read as UTC), or a plain date.
 */
export const isoText = (at: fc.Arbitrary<Date>) =>
  fc.tuple(at, offsetMinutes, fc.constantFrom("Z", "offset", "local", "date", "seconds")).map(([d, offset, style]) => {
    const wall = new Date(d.getTime() + offset * 60_000).toISOString();
    if (style === "Z") return d.toISOString();
    if (style === "offset") return wall.slice(0, 23) + hhmm(offset);
    if (style === "local") return d.toISOString().slice(0, 19);
    if (style === "date") return d.toISOString().slice(0, 10);
    return wall.slice(0, 19) + hhmm(offset);
  });
