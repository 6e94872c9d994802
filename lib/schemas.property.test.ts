// Property-based fuzz of every zod schema in lib/*/schema.ts, and of what the
// real mutations store from what those schemas accept (fast-check, seeded).
//
// A schema may refuse anything; what it must never do is throw, or accept a
// value that breaks the rules of a stored text (textViolations below, the one
// place they are written down). And what it accepted must come back from the
// database unchanged and still acceptable: a row the app cannot re-read is a
// 500 on every page that lists it.
//
// Replay a failure with FUZZ_SEED=<the seed in the report>; the report also
// names the shrunk counterexample and its path.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import * as z from "zod/mini";
import * as authSchemas from "@/lib/auth/schema";
import * as credentialSchemas from "@/lib/credentials/schema";
import { emailTextSchema } from "@/lib/credentials/schema";
import { loginApiSchema, loginSchema } from "@/lib/auth/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/credentials/password";
import { db } from "@/lib/db";
import { DETAILS_MAX, NOTE_MAX, PLUS_ONES_MAX, SEATS_MAX, SEATS_MIN, TEXT_MAX, TITLE_MAX } from "@/lib/parties/bounds";
import { findParty, type Party } from "@/lib/parties/data";
import { createParty, updateParty } from "@/lib/parties/mutations";
import * as partySchemas from "@/lib/parties/schema";
import {
  answerFormSchema,
  detailsSchema,
  mainDishSchema,
  noteSchema,
  parsePartyId,
  partyApiCreateSchema,
  partyApiPatchSchema,
  partyEditFormSchema,
  partyFormSchema,
  rsvpApiPostSchema,
  rsvpApiSchema,
  titleSchema,
  venueSchema,
} from "@/lib/parties/schema";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from "@/lib/users/bounds";
import { getProfile } from "@/lib/users/data";
import { registerUser } from "@/lib/users/mutations";
import * as userSchemas from "@/lib/users/schema";
import * as notificationSchemas from "@/lib/notifications/schema";
import {
  hostMessageSchema,
  MESSAGE_MAX,
  NOTIFICATION_KINDS,
  notificationPrefsApiSchema,
  notificationPrefsFormSchema,
} from "@/lib/notifications/schema";
import {
  changeEmailSchema,
  changePasswordSchema,
  codePointLength,
  deleteAccountSchema,
  emailSchema,
  forgotPasswordSchema,
  honeypotSchema,
  newPasswordSchema,
  registerApiSchema,
  registerFormSchema,
  resetPasswordApiSchema,
  resetPasswordFormSchema,
  usernameSchema,
} from "@/lib/users/schema";
import {
  anyValue,
  ascii,
  atLength,
  codeUnit,
  DAY,
  extraKeysOf,
  farOff,
  fromNow,
  fuzzParams,
  HORIZON_MS,
  isoText,
  jsonNumber,
  nastyText,
  padded,
  special,
  specialRun,
  textViolations,
} from "@/lib/testing/fuzz";
import type { Schema } from "@/lib/zod";
import * as dietarySchemas from "@/lib/dietary/schema";
import { DIETARY_NEEDS, dietaryApiSchema, dietaryFormSchema, OTHER_MAX } from "@/lib/dietary/schema";
import * as dishSchemas from "@/lib/dishes/schema";
import * as twoFactorSchemas from "@/lib/two-factor/schema";
import { codeFormSchema, codeSchema, disableTwoFactorSchema } from "@/lib/two-factor/schema";
import {
  claimApiSchema,
  claimFormSchema,
  dishApiSchema,
  dishFormSchema,
  dishPatchApiSchema,
  NAME_MAX as DISH_NAME_MAX,
  NOTE_MAX as DISH_NOTE_MAX,
  QUANTITY_MAX,
} from "@/lib/dishes/schema";

const params = fuzzParams;

// ------------------------------------------------------------- the rules

function dateViolations(value: unknown, notBefore: number): string[] {
  if (!(value instanceof Date) || !Number.isFinite(value.getTime())) return ["not a valid Date"];
  const found: string[] = [];
  if (value.getTime() <= notBefore) found.push(`${value.toISOString()} is not in the future`);
  if (value.getTime() > Date.now() + HORIZON_MS) found.push(`${value.toISOString()} is more than ~5 years ahead`);
  return found;
}

function seatsViolations(value: unknown): string[] {
  return Number.isInteger(value) && (value as number) >= SEATS_MIN && (value as number) <= SEATS_MAX
    ? []
    : [`seats ${String(value)} is not a whole number in ${SEATS_MIN}–${SEATS_MAX}`];
}

/** Collects violations by field; throws one message listing them all. */
function expectClean(checks: Record<string, string[]>, context: unknown, headline = "accepted but breaks the rules") {
  const bad = Object.entries(checks).filter(([, found]) => found.length > 0);
  if (bad.length === 0) return;
  const list = bad.map(([field, found]) => `${field}: ${found.join(", ")}`).join("; ");
  throw new Error(`${headline} — ${list}\n  value: ${fc.stringify(context)}`);
}

const keysOf = (o: object) => Object.keys(o).sort();
const stringField = (input: unknown, k: string) =>
  input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>)[k] : undefined;

// ------------------------------------------------------------ generators

const oddNumber = fc.oneof(jsonNumber, fc.constantFrom(Number.NaN, Infinity, -Infinity), fc.bigInt());

/** Anything at all: what a schema must take without throwing. */
const anything = anyValue([oddNumber, fc.constantFrom(undefined, new Date(Number.NaN), new Date(8.64e15))]);
const extraKeys = extraKeysOf(anything);

/**
 * An object of `fields` (most often all of them, each mostly plausible) plus
 * extra keys; sometimes an array where the object belongs, or anything else.
 */
function body<T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) {
  const some = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 6, arbitrary: arb }, anything);
  const values = Object.fromEntries(Object.entries(fields).map(([k, arb]) => [k, some(arb as fc.Arbitrary<unknown>)]));
  const object = fc.oneof(
    { weight: 6, arbitrary: fc.record(values) },
    { weight: 1, arbitrary: fc.record(values, { requiredKeys: [] }) },
  );
  return fc.oneof(
    { weight: 10, arbitrary: fc.tuple(object, extraKeys).map(([known, extra]) => ({ ...extra, ...known })) },
    { weight: 1, arbitrary: object.map((o) => [o]) },
    { weight: 1, arbitrary: anything },
  );
}

const seatsNumber = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: SEATS_MIN - 2, max: SEATS_MAX + 2 }) },
  { weight: 1, arbitrary: oddNumber },
);

/** Where a start usually is: up to five years ahead, never so close that it passes during the run. */
const soon = fromNow(10 * 60_000, 5 * 365 * DAY);
const instant = fc.oneof({ weight: 3, arbitrary: soon }, { weight: 2, arbitrary: farOff });
const apiDate = fc.oneof({ weight: 6, arbitrary: isoText(instant) }, { weight: 1, arbitrary: nastyText });

const pad2 = (n: number) => String(n).padStart(2, "0");
const thisYear = new Date().getUTCFullYear();
/** datetime-local values: real, impossible (31 February, hour 24) and far-off ones. */
const formDate = fc.oneof(
  { weight: 4, arbitrary: instant.map((d) => d.toISOString().slice(0, 16)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.integer({ min: thisYear - 1, max: thisYear + 7 }), fc.integer({ min: 0, max: 9999 })),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
      )
      .map(([y, mo, d, h, mi]) => `${String(y).padStart(4, "0")}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}`),
  },
  { weight: 1, arbitrary: padded(instant.map((d) => d.toISOString().slice(0, 19))) },
  { weight: 1, arbitrary: nastyText },
);
const ZONES = ["UTC", "Europe/Paris", "Asia/Kathmandu", "Pacific/Kiritimati", "Etc/GMT+12", "Etc/GMT-14"];
const timeZone = fc.option(fc.oneof(fc.constantFrom(...ZONES, "Nope/Nope", "", "+05:45", "-12:00"), nastyText), {
  nil: undefined,
});
const formSeats = fc.oneof(
  { weight: 4, arbitrary: padded(fc.integer({ min: 0, max: SEATS_MAX + 20 }).map(String)) },
  { weight: 1, arbitrary: fc.constantFrom("1e2", "0x10", "00012", "١٢", "12.0", "+12", "-3", "", "9999", "0002") },
  { weight: 1, arbitrary: nastyText },
);

const partyText = fc.oneof({ weight: 3, arbitrary: padded(fc.string({ minLength: 1, maxLength: 30 })) }, nastyText);

const partyCreateBody = body({ date: apiDate, venue: partyText, mainDish: partyText, seats: seatsNumber });
const partyPatchBody = fc.oneof(
  body({ date: apiDate, venue: partyText, mainDish: partyText, seats: seatsNumber }),
  fc.oneof(
    fc.record({ venue: partyText }),
    fc.record({ mainDish: partyText }),
    fc.record({ seats: seatsNumber }),
    fc.record({ date: apiDate }),
  ),
);
const partyFormBody = body({ date: formDate, timeZone, venue: partyText, mainDish: partyText, seats: formSeats });

/** Mostly what the schemas take, with extra keys: the round trips below need many stored rows. */
const likely = <T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }, otherwise: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.record(fields), extraKeys).map(([known, extra]) => ({ ...extra, ...known })) },
    { weight: 1, arbitrary: otherwise },
  );
const likelyDate = fc.oneof({ weight: 5, arbitrary: soon }, { weight: 1, arbitrary: farOff });
const likelySeats = fc.integer({ min: SEATS_MIN, max: SEATS_MAX });
const likelyPartyCreate = likely(
  { date: isoText(likelyDate), venue: partyText, mainDish: partyText, seats: likelySeats },
  partyCreateBody,
);
const likelyPartyForm = likely(
  {
    date: likelyDate.map((d) => d.toISOString().slice(0, 16)),
    timeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
    venue: partyText,
    mainDish: partyText,
    seats: likelySeats.map(String),
  },
  partyFormBody,
);
const likelyPartyPatch = fc.oneof(
  { weight: 1, arbitrary: likelyPartyCreate },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.record({ venue: partyText }),
      fc.record({ mainDish: partyText }),
      fc.record({ seats: likelySeats }),
      fc.record({ date: isoText(likelyDate) }),
      fc.record({ venue: partyText, date: isoText(likelyDate) }, { requiredKeys: [] }),
    ),
  },
  { weight: 1, arbitrary: partyPatchBody },
);

/** Answers: the three words, their near misses, and anything. */
const answerWord = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("going", "maybe", "declined") },
  { weight: 1, arbitrary: fc.constantFrom("waitlisted", "removed", "Going", " going", "yes", "") },
  { weight: 1, arbitrary: nastyText },
);
const plusOnesNumber = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -2, max: PLUS_ONES_MAX + 2 }) },
  { weight: 1, arbitrary: oddNumber },
);
const formPlusOnes = fc.oneof(
  { weight: 4, arbitrary: padded(fc.integer({ min: 0, max: 12 }).map(String)) },
  { weight: 1, arbitrary: fc.constantFrom("", "-1", "1.5", "1e1", "٣", "+2", "007") },
  { weight: 1, arbitrary: nastyText },
);
const noteText = fc.oneof(
  { weight: 3, arbitrary: padded(fc.string({ maxLength: 40 })) },
  { weight: 1, arbitrary: fc.string({ minLength: NOTE_MAX - 2, maxLength: NOTE_MAX + 2 }) },
  { weight: 1, arbitrary: fc.constantFrom("line one\r\nline two", "a\rb", "\n\n", "=1+1", "@SUM(A1)") },
  { weight: 2, arbitrary: nastyText },
);
const rsvpBody = body({ response: answerWord, plusOnes: plusOnesNumber, note: noteText });
const rsvpPostBody = body({ plusOnes: plusOnesNumber });
const answerFormBody = body({
  partyId: fc.oneof(fc.nat().map(String), nastyText),
  response: answerWord,
  plusOnes: formPlusOnes,
  note: noteText,
});

const username = fc.oneof(
  { weight: 4, arbitrary: padded(fc.stringMatching(/^[A-Za-z0-9_-]{3,32}$/)) },
  { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[a-z0-9]{2,8}$/), special).map(([s, c]) => s + c) },
  { weight: 1, arbitrary: nastyText },
);
/** Addresses zod's email rule takes, in any case. */
const plainEmail = fc.mixedCase(
  fc.stringMatching(/^[a-z0-9_+-]{1,12}(\.[a-z0-9_+-]{1,8})?@[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?\.[a-z]{2,6}$/),
);
const email = fc.oneof(
  { weight: 5, arbitrary: padded(plainEmail) },
  { weight: 1, arbitrary: padded(fc.emailAddress()) },
  { weight: 1, arbitrary: fc.tuple(nastyText, plainEmail).map(([a, e]) => a + e) },
  { weight: 1, arbitrary: fc.tuple(plainEmail, specialRun).map(([e, s]) => e + s) },
  { weight: 1, arbitrary: nastyText },
);
const password = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: PASSWORD_MIN, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(special, ascii), minLength: PASSWORD_MIN - 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, minLength: PASSWORD_MIN, maxLength: 40 }) },
  { weight: 1, arbitrary: atLength(fc.integer({ min: PASSWORD_MAX - 1, max: PASSWORD_MAX + 1 })) },
  { weight: 1, arbitrary: nastyText },
);
const website = fc.option(fc.oneof(fc.constant(""), nastyText), { nil: undefined });

const registerBody = body({ username, email, password, website });
const likelyRegistration = likely(
  {
    username: padded(fc.stringMatching(/^[A-Za-z0-9_-]{3,32}$/)),
    email: padded(plainEmail),
    password: fc.oneof(
      fc.string({ unit: "binary", minLength: PASSWORD_MIN, maxLength: 40 }),
      fc.string({ unit: codeUnit, minLength: PASSWORD_MIN, maxLength: 40 }),
      fc.string({ unit: fc.oneof(special, ascii), minLength: PASSWORD_MIN, maxLength: 30 }),
    ),
  },
  registerBody,
);
const registerFormBody = fc.oneof(
  body({ username, email, password, website, repeatPassword: password }),
  likelyRegistration.map((v) =>
    v && typeof v === "object" ? { ...v, repeatPassword: stringField(v, "password") } : v,
  ),
);
const remember = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(true, false, "on", "true", "false", undefined) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("yes", "1", 1, 0, null), nastyText) },
);
// Any text is looked up as it is, so odd text is the interesting case here.
const loginEmail = fc.oneof(
  email,
  nastyText,
  nastyText.map((s) => `${s}@example.test`),
);
const loginBody = body({ email: loginEmail, password, remember });
const likelyLogin = likely(
  {
    email: loginEmail,
    password: fc.string({ unit: fc.oneof(special, ascii), minLength: 1, maxLength: 30 }),
    remember: fc.constantFrom(true, false, "on", undefined),
  },
  loginBody,
);
const changePasswordBody = fc.oneof(
  body({ currentPassword: password, newPassword: password, repeatNewPassword: password }),
  fc.tuple(password, password, extraKeys).map(([current, next, extra]) => ({
    ...extra,
    currentPassword: current,
    newPassword: next,
    repeatNewPassword: next,
  })),
);
const deleteAccountBody = body({ password });

// ----------------------------------------------- schemas: never throw, accept only clean values

type Accepted = { input: unknown; output: unknown; parsedAt: number };
type SchemaCase = { schema: Schema; input: fc.Arbitrary<unknown>; check: (a: Accepted) => void };

function passwordViolations(accepted: unknown, sent: unknown, min = PASSWORD_MIN, max = PASSWORD_MAX): string[] {
  const found: string[] = [];
  // A password is never altered: a trimmed or normalised one would lock people out.
  if (accepted !== sent) found.push("altered between input and output");
  if (typeof accepted !== "string") return [...found, "not a string"];
  const length = codePointLength(accepted);
  if (length < min || length > max) found.push(`${length} characters, outside ${min}–${max}`);
  return found;
}

/** A typed-in address to look an account up by: never stored, so only trimmed, lower-cased and bounded. */
function lookupEmailViolations(value: unknown): string[] {
  if (typeof value !== "string") return ["not a string"];
  const found: string[] = [];
  if (value !== value.trim()) found.push("not trimmed");
  if (value !== value.toLowerCase()) found.push("not lower-case");
  const length = codePointLength(value);
  if (length < 1 || length > EMAIL_MAX) found.push(`${length} characters, outside 1–${EMAIL_MAX}`);
  return found;
}

function storedEmailViolations(value: unknown): string[] {
  const found = textViolations(value, { max: EMAIL_MAX });
  if (typeof value !== "string") return found;
  if (value !== value.toLowerCase()) found.push("not lower-case");
  if (!/^[^@\s]+@[^@\s]+$/u.test(value)) found.push("not one local part @ one domain");
  return found;
}

function usernameViolations(value: unknown): string[] {
  const found = textViolations(value, { min: USERNAME_MIN, max: USERNAME_MAX });
  if (typeof value === "string" && !/^[a-z0-9_-]+$/.test(value)) found.push("characters outside a-z 0-9 _ -");
  return found;
}

function partyChecks(v: Record<string, unknown>, parsedAt: number, date: "date" | "startsAt") {
  return {
    keys: keysOf(v).join() === [date, "mainDish", "seats", "venue"].sort().join() ? [] : [`keys ${keysOf(v)}`],
    [date]: dateViolations(v[date], parsedAt),
    venue: textViolations(v.venue, { max: TEXT_MAX }),
    mainDish: textViolations(v.mainDish, { max: TEXT_MAX }),
    seats: seatsViolations(v.seats),
  };
}

/** A note's rules: plain text where only line feeds may break lines, trimmed, at most NOTE_MAX. */
function noteViolations(value: unknown, max = NOTE_MAX): string[] {
  if (typeof value !== "string") return [`not a string (${typeof value})`];
  const found = textViolations(value.replace(/\n/g, " "), { max, min: 0 });
  if (value.includes("\r")) found.push("a carriage return");
  return found;
}

function plusOnesViolations(value: unknown): string[] {
  if (value === undefined) return [];
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= PLUS_ONES_MAX
    ? []
    : [`${String(value)}`];
}

function answerChecks(v: Record<string, unknown>, keys: string[]) {
  return {
    keys: keysOf(v).every((k) => keys.includes(k)) ? [] : [`keys ${keysOf(v)}`],
    response: ["going", "maybe", "declined"].includes(v.response as string) ? [] : [`${String(v.response)}`],
    plusOnes: plusOnesViolations(v.plusOnes),
    note: v.note === undefined ? [] : noteViolations(v.note),
  };
}

const flagWord = fc.oneof(fc.constantFrom("on", "off", "true", "", "ON"), nastyText);
const flagValue = fc.oneof(fc.boolean(), fc.constantFrom("true", 1, 0, null), anything);
const prefsOf = <T>(value: fc.Arbitrary<T>) =>
  fc.record(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, value])) as Record<string, fc.Arbitrary<T>>, {
    requiredKeys: [],
  });

/** The preferences: only the five kinds, each a boolean (or left out). */
function prefsViolations(v: Record<string, unknown>): string[] {
  return Object.entries(v).flatMap(([k, value]) =>
    !(NOTIFICATION_KINDS as readonly string[]).includes(k)
      ? [`unknown key ${k}`]
      : value === undefined || typeof value === "boolean"
        ? []
        : [`${k}: ${typeof value}`],
  );
}

const twoFactorCode = fc.oneof(
  fc.stringMatching(/^\d{6}$/),
  fc.constantFrom(" 123 456 ", "k7m2-x9qp-4hce", "", "   ", "x".repeat(41)),
  nastyText,
);
/** A code as the schema hands it on: trimmed, 1–40 characters. */
function codeViolations(value: unknown): string[] {
  if (typeof value !== "string") return [`not a string (${typeof value})`];
  const found: string[] = [];
  if (value !== value.trim()) found.push("not trimmed");
  if (value.length === 0 || value.length > 40) found.push(`length ${value.length}`);
  return found;
}

/** Dietary needs as stored: known needs, each once, in the contract's order; other within its rules; share a boolean. */
function dietaryViolations(v: Record<string, unknown>, keys: string[]): string[] {
  const found = keysOf(v).every((k) => keys.includes(k)) ? [] : [`keys ${keysOf(v)}`];
  if (v.needs !== undefined) {
    const needs = v.needs as unknown[];
    const ordered = DIETARY_NEEDS.filter((n) => needs.includes(n));
    if (!Array.isArray(needs) || JSON.stringify(needs) !== JSON.stringify(ordered))
      found.push(`needs ${String(needs)}`);
  }
  if (v.other !== undefined) found.push(...textViolations(v.other, { max: OTHER_MAX, min: 0 }));
  if (v.share !== undefined && typeof v.share !== "boolean") found.push(`share ${typeof v.share}`);
  return found;
}

const needWord = fc.oneof(fc.constantFrom(...DIETARY_NEEDS), fc.constantFrom("Vegan", "meat", ""), nastyText);
const dietaryForm = fc.oneof(
  fc.record(
    {
      ...Object.fromEntries(DIETARY_NEEDS.map((n) => [`need-${n}`, flagWord])),
      other: fc.oneof(partyText, fc.string({ minLength: OTHER_MAX - 2, maxLength: OTHER_MAX + 2 })),
      share: flagWord,
    },
    { requiredKeys: [] },
  ),
  anything,
);

function quantityViolations(value: unknown): string[] {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= QUANTITY_MAX
    ? []
    : [`quantity ${String(value)}`];
}
const quantityNumber = fc.oneof(fc.integer({ min: -2, max: 25 }), fc.double(), oddNumber);
const quantityText = fc.oneof(quantityNumber.map(String), fc.constantFrom("", " 3 ", "1e1", "0x10", "٣"), nastyText);
const dishText = fc.oneof(partyText, fc.string({ minLength: DISH_NAME_MAX - 2, maxLength: DISH_NAME_MAX + 2 }));
const dishChecks = (v: Record<string, unknown>, partial = false) => ({
  keys: keysOf(v).every((k) => ["name", "quantity", "partyId", "dishId", "returnTo"].includes(k))
    ? []
    : [`keys ${keysOf(v)}`],
  name: partial && v.name === undefined ? [] : textViolations(v.name, { max: DISH_NAME_MAX }),
  quantity: partial && v.quantity === undefined ? [] : quantityViolations(v.quantity),
  something: partial && v.name === undefined && v.quantity === undefined ? ["empty patch"] : [],
});
const claimText = fc.oneof(partyText, fc.string({ minLength: DISH_NOTE_MAX - 2, maxLength: DISH_NOTE_MAX + 2 }));
const claimChecks = (v: Record<string, unknown>) => ({
  keys: keysOf(v).every((k) => k === "note") ? [] : [`keys ${keysOf(v)}`],
  note: v.note === undefined ? [] : textViolations(v.note, { max: DISH_NOTE_MAX, min: 0 }),
});

const SCHEMAS: Record<string, SchemaCase> = {
  dietaryFormSchema: {
    schema: dietaryFormSchema,
    input: dietaryForm,
    check: ({ output }) =>
      expectClean(
        {
          dietary: dietaryViolations(output as Record<string, unknown>, ["needs", "other", "share"]),
          complete: keysOf(output as object).length === 3 ? [] : ["not all three"],
        },
        output,
      ),
  },
  dietaryApiSchema: {
    schema: dietaryApiSchema,
    input: fc.oneof(
      body({ needs: fc.array(needWord, { maxLength: 12 }), other: partyText, share: flagValue }),
      fc.tuple(fc.record({ needs: fc.array(needWord) }), extraKeys).map(([a, b]) => ({ ...b, ...a })),
      anything,
    ),
    check: ({ output }) =>
      expectClean(
        { dietary: dietaryViolations(output as Record<string, unknown>, ["needs", "other", "share"]) },
        output,
      ),
  },
  dishFormSchema: {
    schema: dishFormSchema,
    input: fc.oneof(
      body({ name: dishText, quantity: quantityText }),
      fc.record({
        name: padded(fc.string({ minLength: 1, maxLength: 30 })),
        quantity: fc.integer({ min: 0, max: 21 }).map(String),
      }),
      anything,
    ),
    check: ({ output }) => expectClean(dishChecks(output as Record<string, unknown>), output),
  },
  dishApiSchema: {
    schema: dishApiSchema,
    input: fc.oneof(
      body({ name: dishText, quantity: quantityNumber }),
      fc.record({
        name: padded(fc.string({ minLength: 1, maxLength: 30 })),
        quantity: fc.integer({ min: 0, max: 21 }),
      }),
      anything,
    ),
    check: ({ output }) => expectClean(dishChecks(output as Record<string, unknown>), output),
  },
  dishPatchApiSchema: {
    schema: dishPatchApiSchema,
    input: fc.oneof(
      fc.record({ name: dishText, quantity: quantityNumber }, { requiredKeys: [] }),
      fc.tuple(fc.record({ name: dishText }), extraKeys).map(([a, b]) => ({ ...b, ...a })),
      anything,
    ),
    check: ({ output }) => expectClean(dishChecks(output as Record<string, unknown>, true), output),
  },
  claimFormSchema: {
    schema: claimFormSchema,
    input: fc.oneof(fc.record({ note: claimText }, { requiredKeys: [] }), anything),
    check: ({ output }) => expectClean(claimChecks(output as Record<string, unknown>), output),
  },
  claimApiSchema: {
    schema: claimApiSchema,
    input: fc.oneof(
      fc.record({ note: claimText }, { requiredKeys: [] }),
      fc.tuple(fc.record({ note: claimText }), extraKeys).map(([a, b]) => ({ ...b, ...a })),
      anything,
    ),
    check: ({ output }) => expectClean(claimChecks(output as Record<string, unknown>), output),
  },
  notificationPrefsFormSchema: {
    schema: notificationPrefsFormSchema,
    input: fc.oneof(prefsOf(flagWord), anything),
    check: ({ output }) => expectClean({ prefs: prefsViolations(output as Record<string, unknown>) }, output),
  },
  notificationPrefsApiSchema: {
    schema: notificationPrefsApiSchema,
    input: fc.oneof(
      prefsOf(flagValue),
      fc.tuple(prefsOf(fc.boolean()), extraKeys).map(([a, b]) => ({ ...b, ...a })),
      anything,
    ),
    check: ({ output }) => expectClean({ prefs: prefsViolations(output as Record<string, unknown>) }, output),
  },
  hostMessageSchema: {
    schema: hostMessageSchema,
    input: fc.oneof(
      body({ message: noteText }),
      body({ message: fc.string({ minLength: MESSAGE_MAX - 2, maxLength: MESSAGE_MAX + 2 }) }),
      anything,
    ),
    check: ({ output }) => {
      const message = (output as { message: unknown }).message;
      expectClean({ message: [...noteViolations(message, MESSAGE_MAX), ...(message === "" ? ["empty"] : [])] }, output);
    },
  },
  partyEditFormSchema: {
    schema: partyEditFormSchema,
    input: fc.oneof(partyFormBody, likelyPartyForm),
    check: ({ output, parsedAt }) =>
      expectClean(partyChecks(output as Record<string, unknown>, parsedAt, "startsAt"), output),
  },
  noteSchema: {
    schema: noteSchema,
    input: fc.oneof(noteText, anything),
    check: ({ output }) => expectClean({ note: noteViolations(output) }, output),
  },
  rsvpApiSchema: {
    schema: rsvpApiSchema,
    input: rsvpBody,
    check: ({ output }) =>
      expectClean(answerChecks(output as Record<string, unknown>, ["response", "plusOnes", "note"]), output),
  },
  rsvpApiPostSchema: {
    schema: rsvpApiPostSchema,
    input: rsvpPostBody,
    check: ({ output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          keys: keysOf(v).every((k) => k === "plusOnes") ? [] : [`keys ${keysOf(v)}`],
          plusOnes: plusOnesViolations(v.plusOnes),
        },
        output,
      );
    },
  },
  answerFormSchema: {
    schema: answerFormSchema,
    input: answerFormBody,
    check: ({ output }) =>
      expectClean(answerChecks(output as Record<string, unknown>, ["partyId", "response", "plusOnes", "note"]), output),
  },
  titleSchema: {
    schema: titleSchema,
    input: fc.oneof(partyText, fc.string({ minLength: TITLE_MAX - 2, maxLength: TITLE_MAX + 2 }), anything),
    // Empty (or invisible) is no title at all.
    check: ({ output }) =>
      expectClean({ title: output === null ? [] : textViolations(output, { max: TITLE_MAX }) }, output),
  },
  detailsSchema: {
    schema: detailsSchema,
    input: fc.oneof(noteText, fc.string({ minLength: DETAILS_MAX - 2, maxLength: DETAILS_MAX + 2 }), anything),
    check: ({ output }) => expectClean({ details: noteViolations(output, DETAILS_MAX) }, output),
  },
  venueSchema: {
    schema: venueSchema,
    input: fc.oneof(partyText, anything),
    check: ({ output }) => expectClean({ venue: textViolations(output, { max: TEXT_MAX }) }, output),
  },
  mainDishSchema: {
    schema: mainDishSchema,
    input: fc.oneof(partyText, anything),
    check: ({ output }) => expectClean({ mainDish: textViolations(output, { max: TEXT_MAX }) }, output),
  },
  partyApiCreateSchema: {
    schema: partyApiCreateSchema,
    input: fc.oneof(partyCreateBody, likelyPartyCreate),
    check: ({ output, parsedAt }) =>
      expectClean(partyChecks(output as Record<string, unknown>, parsedAt, "date"), output),
  },
  partyApiPatchSchema: {
    schema: partyApiPatchSchema,
    input: fc.oneof(partyPatchBody, likelyPartyPatch),
    check: ({ output, parsedAt }) => {
      const v = output as Record<string, unknown>;
      const present = keysOf(v).filter((k) => v[k] !== undefined);
      expectClean(
        {
          keys:
            present.length > 0 && present.every((k) => ["startsAt", "venue", "mainDish", "seats"].includes(k))
              ? []
              : [`keys ${present}`],
          ...(v.startsAt !== undefined && { startsAt: dateViolations(v.startsAt, parsedAt) }),
          ...(v.venue !== undefined && { venue: textViolations(v.venue, { max: TEXT_MAX }) }),
          ...(v.mainDish !== undefined && { mainDish: textViolations(v.mainDish, { max: TEXT_MAX }) }),
          ...(v.seats !== undefined && { seats: seatsViolations(v.seats) }),
        },
        output,
      );
    },
  },
  partyFormSchema: {
    schema: partyFormSchema,
    input: fc.oneof(partyFormBody, likelyPartyForm),
    check: ({ output, parsedAt }) =>
      expectClean(partyChecks(output as Record<string, unknown>, parsedAt, "startsAt"), output),
  },
  usernameSchema: {
    schema: usernameSchema,
    input: fc.oneof(username, anything),
    check: ({ output }) => expectClean({ username: usernameViolations(output) }, output),
  },
  emailTextSchema: {
    schema: emailTextSchema,
    input: fc.oneof(email, anything),
    check: ({ output }) => expectClean({ email: lookupEmailViolations(output) }, output),
  },
  emailSchema: {
    schema: emailSchema,
    input: fc.oneof(email, anything),
    check: ({ output }) => expectClean({ email: storedEmailViolations(output) }, output),
  },
  newPasswordSchema: {
    schema: newPasswordSchema,
    input: fc.oneof(password, anything),
    check: ({ input, output }) => expectClean({ password: passwordViolations(output, input) }, output),
  },
  honeypotSchema: {
    schema: honeypotSchema,
    input: fc.oneof(website, anything),
    check: ({ output }) => expectClean({ website: output === undefined || output === "" ? [] : ["not empty"] }, output),
  },
  registerApiSchema: {
    schema: registerApiSchema,
    input: fc.oneof(registerBody, likelyRegistration),
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          keys: keysOf(v).every((k) => ["username", "email", "password", "website"].includes(k))
            ? []
            : [`${keysOf(v)}`],
          username: usernameViolations(v.username),
          email: storedEmailViolations(v.email),
          password: passwordViolations(v.password, stringField(input, "password")),
          website: v.website === undefined || v.website === "" ? [] : ["honeypot filled in"],
        },
        output,
      );
    },
  },
  registerFormSchema: {
    schema: registerFormSchema,
    input: registerFormBody,
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          username: usernameViolations(v.username),
          email: storedEmailViolations(v.email),
          password: passwordViolations(v.password, stringField(input, "password")),
          repeatPassword: v.repeatPassword === v.password ? [] : ["differs from the password"],
          website: v.website === undefined || v.website === "" ? [] : ["honeypot filled in"],
        },
        output,
      );
    },
  },
  forgotPasswordSchema: {
    schema: forgotPasswordSchema,
    input: fc.oneof(body({ email }), anything),
    check: ({ output }) =>
      expectClean({ email: storedEmailViolations((output as Record<string, unknown>).email) }, output),
  },
  resetPasswordApiSchema: {
    schema: resetPasswordApiSchema,
    input: fc.oneof(body({ password }), anything),
    check: ({ input, output }) =>
      expectClean(
        {
          password: passwordViolations((output as Record<string, unknown>).password, stringField(input, "password")),
        },
        output,
      ),
  },
  resetPasswordFormSchema: {
    schema: resetPasswordFormSchema,
    input: fc.oneof(
      body({ password, repeatPassword: password }),
      password.map((p) => ({ password: p, repeatPassword: p })),
      anything,
    ),
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          password: passwordViolations(v.password, stringField(input, "password")),
          repeat: v.password === v.repeatPassword ? [] : ["the two differ"],
        },
        output,
      );
    },
  },
  changePasswordSchema: {
    schema: changePasswordSchema,
    input: changePasswordBody,
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          currentPassword: passwordViolations(v.currentPassword, stringField(input, "currentPassword"), 1, Infinity),
          newPassword: [
            ...passwordViolations(v.newPassword, stringField(input, "newPassword")),
            ...(v.newPassword === v.currentPassword ? ["same as the current one"] : []),
          ],
          repeatNewPassword: v.repeatNewPassword === v.newPassword ? [] : ["differs from the new password"],
        },
        output,
      );
    },
  },
  changeEmailSchema: {
    schema: changeEmailSchema,
    input: fc.oneof(body({ newEmail: email, emailPassword: password }), anything),
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          newEmail: storedEmailViolations(v.newEmail),
          emailPassword: passwordViolations(v.emailPassword, stringField(input, "emailPassword"), 1, Infinity),
        },
        output,
      );
    },
  },
  deleteAccountSchema: {
    schema: deleteAccountSchema,
    input: deleteAccountBody,
    check: ({ input, output }) =>
      expectClean(
        {
          password: passwordViolations(
            (output as { password: unknown }).password,
            stringField(input, "password"),
            1,
            Infinity,
          ),
        },
        output,
      ),
  },
  loginSchema: {
    schema: loginSchema,
    input: fc.oneof(loginBody, likelyLogin),
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          email: lookupEmailViolations(v.email),
          password: passwordViolations(v.password, stringField(input, "password"), 1, Infinity),
          remember: typeof v.remember === "boolean" ? [] : [`${typeof v.remember}`],
        },
        output,
      );
    },
  },
  loginApiSchema: {
    schema: loginApiSchema,
    input: fc.oneof(
      fc
        .tuple(loginBody, fc.option(twoFactorCode, { nil: undefined }))
        .map(([b, code]) =>
          b && typeof b === "object" && !Array.isArray(b) && code !== undefined ? { ...b, code } : b,
        ),
      likelyLogin,
    ),
    check: ({ input, output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          email: lookupEmailViolations(v.email),
          password: passwordViolations(v.password, stringField(input, "password"), 1, Infinity),
          remember: typeof v.remember === "boolean" ? [] : [`${typeof v.remember}`],
          code: v.code === undefined ? [] : codeViolations(v.code),
        },
        output,
      );
    },
  },
  codeSchema: {
    schema: codeSchema,
    input: fc.oneof(twoFactorCode, anything),
    check: ({ output }) => expectClean({ code: codeViolations(output) }, output),
  },
  codeFormSchema: {
    schema: codeFormSchema,
    input: fc.oneof(fc.record({ code: twoFactorCode }), anything),
    check: ({ output }) => expectClean({ code: codeViolations((output as { code: unknown }).code) }, output),
  },
  disableTwoFactorSchema: {
    schema: disableTwoFactorSchema,
    input: fc.oneof(
      fc.record({ password: fc.string({ minLength: 1, maxLength: 40 }), code: twoFactorCode }),
      body({ password: fc.string(), code: twoFactorCode }),
      anything,
    ),
    check: ({ output }) => {
      const v = output as Record<string, unknown>;
      expectClean(
        {
          password: typeof v.password === "string" && v.password.length > 0 ? [] : ["no password"],
          code: codeViolations(v.code),
        },
        output,
      );
    },
  },
};

describe("every schema, fuzzed (fast-check)", () => {
  it("covers every zod schema that lib/*/schema.ts exports", () => {
    const exported = Object.entries({
      ...partySchemas,
      ...userSchemas,
      ...authSchemas,
      ...credentialSchemas,
      ...notificationSchemas,
      ...dietarySchemas,
      ...dishSchemas,
      ...twoFactorSchemas,
    })
      .filter(([, value]) => typeof value === "object" && value !== null && "_zod" in value)
      .map(([name]) => name)
      .sort();
    assert.deepEqual(exported, Object.keys(SCHEMAS).sort(), "a new schema needs a case in SCHEMAS");
  });

  for (const [name, { schema, input, check }] of Object.entries(SCHEMAS)) {
    it(`${name}: safeParse never throws, and what it accepts is clean`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(input, (value) => {
          const parsedAt = Date.now();
          const result = z.safeParse(schema, value);
          if (!result.success) return;
          accepted++;
          check({ input: value, output: result.data, parsedAt });
        }),
        params(400, 5_000),
      );
      // The generators must reach the accepting side, or the checks above test nothing.
      assert.ok(accepted >= 20, `only ${accepted} of 400 inputs were accepted by ${name}`);
    });
  }

  it("parsePartyId never throws and gives a positive database integer or null", () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.integer().map(String), padded(fc.nat().map((n) => `#${n}`))), (value) => {
        const id = parsePartyId(value);
        if (id !== null && !(Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647)) {
          throw new Error(`parsePartyId gave ${id}`);
        }
      }),
      params(400, 5_000),
    );
  });
});

// -------------------------------------------- the database: what was accepted comes back intact

function storedViolations(
  party: Party | null,
  expected: { startsAt: Date; venue: string; mainDish: string; seats: number },
): Record<string, string[]> {
  if (!party) return { party: ["not found after the write"] };
  const again = partyApiPatchSchema.safeParse({ venue: party.venue, mainDish: party.mainDish, seats: party.seats });
  const reparsed = again.success ? (again.data as Record<string, unknown>) : {};
  const startsAt = party.startsAt;
  const date = Number.isFinite(startsAt.getTime()) ? startsAt.toISOString() : "Invalid Date";
  return {
    venue: [
      ...(party.venue === expected.venue ? [] : [`stored ${fc.stringify(party.venue)}`]),
      ...(reparsed.venue === party.venue ? [] : ["refused or changed by venueSchema on re-read"]),
    ],
    mainDish: [
      ...(party.mainDish === expected.mainDish ? [] : [`stored ${fc.stringify(party.mainDish)}`]),
      ...(reparsed.mainDish === party.mainDish ? [] : ["refused or changed by mainDishSchema on re-read"]),
    ],
    seats: [
      ...(party.seats === expected.seats ? [] : [`stored ${party.seats}`]),
      ...(reparsed.seats === party.seats ? [] : ["refused by the seats rule on re-read"]),
    ],
    startsAt: [
      ...(startsAt.getTime() === expected.startsAt.getTime() ? [] : [`stored ${date}`]),
      // The API answers with toISOString(): past year 9999 that is "+010000-…", which no client can send back.
      ...(/^\d{4}-/.test(date) && new Date(date).getTime() === startsAt.getTime() ? [] : [`re-read as ${date}`]),
    ],
  };
}

const STORED = "stored differently, or not re-readable";

async function stored(
  write: () => Promise<Party | number>,
  expected: Parameters<typeof storedViolations>[1],
  context: unknown,
) {
  let party: Party | null;
  try {
    const written = await write();
    party = typeof written === "number" ? await findParty(written) : await findParty(written.id);
  } catch (error) {
    throw new Error(
      `the write or re-read of an accepted value threw: ${String(error)}\n  value: ${fc.stringify(context)}`,
    );
  }
  expectClean(storedViolations(party, expected), context, STORED);
}

/** A fresh client address per call, so the per-address limits (sign-ups, logins) never answer instead. */
// A /64 of its own each time: rate limits key IPv6 clients by their /64.
const randomAddress = () => `2001:db8:${randomBytes(4).toString("hex").match(/.{4}/g)!.join(":")}::1`;

describe("accepted input, stored and read back (fast-check)", () => {
  let hostId = "";
  before(async () => {
    hostId = (await makeUser("fz")).id;
  });
  // The PostgreSQL pool would otherwise hold the process open for its 30 s idle timeout.
  after(() => db.$disconnect());

  it("POST /api/parties's schema → createParty → findParty", async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(likelyPartyCreate, async (value) => {
        const parsed = partyApiCreateSchema.safeParse(value);
        if (!parsed.success) return;
        written++;
        const { date, venue, mainDish, seats } = parsed.data;
        const input = { startsAt: date, venue, mainDish, seats };
        await stored(() => createParty(hostId, input), input, input);
      }),
      params(120, 8_000),
    );
    assert.ok(written >= 30, `only ${written} parties were written`);
  });

  it("the party form's schema → createParty → findParty", async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(likelyPartyForm, async (value) => {
        const parsed = partyFormSchema.safeParse(value);
        if (!parsed.success) return;
        written++;
        await stored(() => createParty(hostId, parsed.data), parsed.data, parsed.data);
      }),
      params(120, 8_000),
    );
    assert.ok(written >= 30, `only ${written} parties were written`);
  });

  it("PATCH /api/parties/{id}'s schema → updateParty → findParty", async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(likelyPartyPatch, async (value) => {
        const parsed = partyApiPatchSchema.safeParse(value);
        if (!parsed.success) return;
        written++;
        const party = await makeParty(hostId);
        const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
        const expected = {
          startsAt: party.startsAt,
          venue: party.venue!, // the host always sees it
          mainDish: party.mainDish,
          seats: party.seats,
          ...patch,
        };
        await stored(
          async () => {
            const result = await updateParty(party.id, hostId, parsed.data);
            if (result.status !== "ok") throw new Error(`updateParty answered ${result.status}`);
            return party.id;
          },
          expected,
          patch,
        );
      }),
      params(120, 8_000),
    );
    assert.ok(written >= 30, `only ${written} patches were written`);
  });

  it("POST /api/users's schema → registerUser → the account as read back", async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(likelyRegistration, async (value) => {
        const parsed = registerApiSchema.safeParse(value);
        if (!parsed.success) return;
        const input = parsed.data;
        // Shrinking replays similar names: an account left by an earlier run must not turn this one into "taken".
        await db.user.deleteMany({ where: { OR: [{ username: input.username }, { email: input.email }] } });
        const result = await registerUser(input, randomAddress());
        if (result.status === "invalid") return; // a common password: refused on purpose
        if (result.status !== "created") throw new Error(`registerUser answered ${result.status}`);
        created++;
        const row = await db.user.findUnique({ where: { id: result.user.id } });
        const profile = await getProfile(input.username);
        const again = { username: usernameSchema.safeParse(row?.username), email: emailSchema.safeParse(row?.email) };
        expectClean(
          {
            username: [
              ...(row?.username === input.username ? [] : [`stored ${fc.stringify(row?.username)}`]),
              ...(again.username.success && again.username.data === row?.username
                ? []
                : ["refused or changed on re-read"]),
              ...(profile?.id === result.user.id ? [] : ["getProfile does not find the account"]),
            ],
            email: [
              ...(row?.email === input.email ? [] : [`stored ${fc.stringify(row?.email)}`]),
              ...(again.email.success && again.email.data === row?.email ? [] : ["refused or changed on re-read"]),
            ],
            password: row && (await verifyPassword(input.password, row.passwordHash)) ? [] : ["does not verify"],
          },
          input,
          STORED,
        );
      }),
      params(30, 8_000),
    );
    assert.ok(created >= 10, `only ${created} accounts were created`);
  });

  it("POST /api/users/login's schema → checkCredentials (a lookup and two rate-limit rows)", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(likelyLogin, async (value) => {
        const parsed = loginSchema.safeParse(value);
        if (!parsed.success) return;
        checked++;
        let result;
        try {
          result = await checkCredentials({ ...parsed.data, ip: randomAddress() });
        } catch (error) {
          throw new Error(`checkCredentials threw: ${String(error)}\n  value: ${fc.stringify(parsed.data)}`);
        }
        // Generated credentials match no account (a replayed address may be throttled by now).
        if (result.status === "ok") throw new Error(`generated credentials logged in as ${result.user.username}`);
      }),
      params(40, 8_000),
    );
    assert.ok(checked >= 15, `only ${checked} logins were checked`);
  });
});
