// Property-based fuzz of the JSON API (fast-check, seeded): generated bodies,
// ids and queries at every endpoint. Whatever arrives, the answer is never a
// 5xx, never anything but JSON (or an empty 204), never a stack trace; and a
// party or account the API accepted reads back clean (textViolations below,
// the one place the rules of a stored text are written down).
//
// api-fuzz.spec.ts throws a fixed list of known-bad requests; this one
// searches, and shrinks what it finds to a smallest counterexample. Replay a
// failure with FUZZ_SEED=<the seed in the report>.
import type { APIRequest, APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { SEATS_MAX, SEATS_MIN, TEXT_MAX } from "../lib/parties/bounds";
import {
  anyValue,
  ascii,
  awkwardKey,
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
} from "../lib/testing/fuzz";
import { byTier } from "../lib/testing/tier";
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from "../lib/users/bounds";
import { apiLogin, createUser, expect, newUser, test, type TestUser } from "./fixtures";
import { apiCreateParty, type ApiParty } from "./support/parties";
import { randomIp } from "./support/users";

// The full tier's runs; the fast tier runs the first quarter of the same sequence.
const params = (numRuns: number) => fuzzParams(byTier(Math.ceil(numRuns / 4), numRuns), 12_000);

// ------------------------------------------------------------- the rules

function usernameViolations(value: unknown): string[] {
  const found = textViolations(value, { min: USERNAME_MIN, max: USERNAME_MAX });
  if (typeof value === "string" && !/^[a-z0-9_-]+$/.test(value)) found.push("characters outside a-z 0-9 _ -");
  return found;
}

function emailViolations(value: unknown): string[] {
  const found = textViolations(value, { max: EMAIL_MAX });
  if (typeof value === "string" && value !== value.toLowerCase()) found.push("not lower-case");
  if (typeof value === "string" && !/^[^@\s]+@[^@\s]+$/u.test(value)) found.push("not one local part @ one domain");
  return found;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A Party as the API answers it (shared/design.md), stored after `sentAt`. */
function partyViolations(value: unknown, sentAt: number): Record<string, string[]> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return { party: ["not an object"] };
  const p = value as Record<string, unknown>;
  const keys = Object.keys(p).sort().join();
  const time = typeof p.date === "string" ? Date.parse(p.date) : NaN;
  const seats = p.seats as number;
  return {
    keys: keys === PARTY_KEYS ? [] : [keys],
    id: Number.isSafeInteger(p.id) && (p.id as number) > 0 ? [] : [`id ${String(p.id)}`],
    // null only where the host hides it from the caller (who then is neither the host nor going)
    venue:
      p.venue === null
        ? p.venueHidden === true && (p.myRsvp as { response?: string } | null)?.response !== "going"
          ? []
          : ["venue null though not hidden from the caller"]
        : textViolations(p.venue, { max: TEXT_MAX }),
    title: textViolations(p.title, { max: TEXT_MAX + "Dinner at ".length }),
    details: typeof p.details === "string" && p.details.length <= 2000 ? [] : [`details ${String(p.details)}`],
    visibility:
      p.visibility === "listed" || p.visibility === "invite-only" ? [] : [`visibility ${String(p.visibility)}`],
    mainDish: textViolations(p.mainDish, { max: TEXT_MAX }),
    seats: Number.isInteger(seats) && seats >= SEATS_MIN && seats <= SEATS_MAX ? [] : [`seats ${String(seats)}`],
    seatsTaken:
      Number.isInteger(p.seatsTaken) && (p.seatsTaken as number) >= 1 && (p.seatsTaken as number) <= seats
        ? []
        : [`seatsTaken ${String(p.seatsTaken)}`],
    date: [
      ...(typeof p.date === "string" && ISO_UTC.test(p.date)
        ? []
        : [`date ${JSON.stringify(p.date)} is not ISO 8601 UTC`]),
      ...(time > sentAt ? [] : [`${String(p.date)} is not in the future`]),
      ...(time <= Date.now() + HORIZON_MS ? [] : [`${String(p.date)} is more than ~5 years ahead`]),
    ],
    host: usernameViolations((p.host as { username?: unknown } | null)?.username),
    attendees: Array.isArray(p.attendees)
      ? p.attendees.flatMap((a: { username?: unknown; plusOnes?: unknown } | null) => [
          ...usernameViolations(a?.username),
          ...(isPlusOnes(a?.plusOnes) ? [] : [`plusOnes ${String(a?.plusOnes)}`]),
        ])
      : ["not an array"],
    maybe: Array.isArray(p.maybe)
      ? p.maybe.flatMap((a: { username?: unknown } | null) => usernameViolations(a?.username))
      : ["not an array"],
    plusOnesAllowed: isPlusOnes(p.plusOnesAllowed) ? [] : [`${String(p.plusOnesAllowed)}`],
    flags:
      typeof p.waitlist === "boolean" && typeof p.guestListHidden === "boolean" ? [] : ["waitlist / guestListHidden"],
    rsvpBy:
      p.rsvpBy === null || (typeof p.rsvpBy === "string" && ISO_UTC.test(p.rsvpBy) && p.rsvpBy < String(p.date))
        ? []
        : [`rsvpBy ${JSON.stringify(p.rsvpBy)}`],
    counts: (() => {
      const c = p.counts as Record<string, unknown> | null;
      const ok =
        !!c &&
        Object.keys(c).sort().join() === "declined,going,maybe,waitlisted" &&
        Object.values(c).every((n) => Number.isInteger(n) && (n as number) >= 0) &&
        (c.going as number) >= 1;
      return ok ? [] : [`counts ${JSON.stringify(c)}`];
    })(),
  };
}

/** The Party's keys (shared/design.md, Part 1, "Guest answers, plus-ones and the waitlist", "Invitations and privacy"). */
const PARTY_KEYS = [
  "attendees",
  "counts",
  "date",
  "details",
  "guestListHidden",
  "host",
  "id",
  "mainDish",
  "maybe",
  "myRsvp",
  "plusOnesAllowed",
  "rsvpBy",
  "seats",
  "seatsTaken",
  "title",
  "venue",
  "venueHidden",
  "visibility",
  "waitlist",
].join();

const isPlusOnes = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 5;

/** Throws one message naming every broken rule, or returns. */
function expectClean(checks: Record<string, string[]>, what: string): void {
  const bad = Object.entries(checks).filter(([, found]) => found.length > 0);
  if (bad.length > 0) throw new Error(`${what} — ${bad.map(([k, found]) => `${k}: ${found.join(", ")}`).join("; ")}`);
}

// ---------------------------------------------------------- the transport

type Body = { text: string | Buffer; type: string | null } | null;
type Call = { method: string; path: string; body: Body };
type Answer = { status: number; type: string; text: string; json: unknown; isJson: boolean; sentAt: number };

// Stack frames, driver and database internals, or an error naming a file.
const INTERNALS = [
  /\bat .*\(.*:\d+:\d+\)/,
  /\n\s+at \S/,
  /node_modules|PrismaClient|SQLITE_|ECONNREFUSED|\.prisma\b/,
  /\w*Error: .*(?:\/[\w.@-]+){2,}/,
];
/** Fields of a 2xx that echo what the client sent: a trace-like venue is the client's own text. */
const ECHOED = new Set(["venue", "mainDish", "username", "email"]);

async function send(ctx: APIRequestContext, { method, path, body }: Call): Promise<Answer> {
  // Each request its own client address: the brute-force limits are real and per address.
  const headers: Record<string, string> = { "x-forwarded-for": randomIp() };
  if (body?.type) headers["content-type"] = body.type;
  const sentAt = Date.now();
  // Redirects are followed, as clients do (Next.js sends "/api/x/" and "//" to the
  // normalised path with a bare 308): what is judged is the answer at the end.
  const res = await ctx.fetch(path, {
    method,
    headers,
    ...(body && { data: body.text }),
    failOnStatusCode: false,
  });
  const text = (await res.body()).toString("utf8");
  let json: unknown = undefined;
  let isJson = false;
  try {
    json = JSON.parse(text);
    isJson = true;
  } catch {
    // judged below
  }
  return { status: res.status(), type: res.headers()["content-type"] ?? "", text, json, isJson, sentAt };
}

function answerViolations(a: Answer): string[] {
  const found: string[] = [];
  if (a.status >= 500) found.push(`status ${a.status}`);
  if (a.status === 204) return a.text === "" ? found : [...found, "a 204 with a body"];
  if (!/^application\/json\b/i.test(a.type)) found.push(`content-type ${JSON.stringify(a.type)}`);
  if (!a.isJson) found.push("a body that is not JSON");
  else if (a.status >= 400 && typeof (a.json as { message?: unknown } | null)?.message !== "string") {
    found.push("an error without a message");
  }
  const visible = a.isJson
    ? JSON.stringify(a.json, (k, v: unknown) => (a.status < 300 && ECHOED.has(k) ? undefined : v))
    : a.text;
  for (const pattern of INTERNALS) if (pattern.test(visible)) found.push(`internals in the body (${pattern})`);
  return found;
}

/** Send, and throw unless the answer is a proper one. */
async function call(ctx: APIRequestContext, c: Call): Promise<Answer> {
  const a = await send(ctx, c);
  const found = answerViolations(a);
  if (found.length > 0) {
    throw new Error(`${c.method} ${c.path} → ${a.status}: ${found.join("; ")}\n  answer: ${a.text.slice(0, 400)}`);
  }
  return a;
}

/**
 * Logged-in clients, each a fresh account with its own address; `rotate`
 * moves to a new one when a per-account limit (30 parties or RSVPs a minute)
 * answers 429, so the fuzz keeps reaching the code behind the limit.
 */
class Accounts {
  private all: { ctx: APIRequestContext; user: TestUser; parties: number[] }[] = [];
  constructor(
    private readonly request: APIRequest,
    private readonly baseURL: string,
  ) {}

  get current(): APIRequestContext {
    return this.all.at(-1)!.ctx;
  }

  async rotate(): Promise<APIRequestContext> {
    const ctx = await this.request.newContext({
      baseURL: this.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const user = await createUser(ctx, newUser("fz"));
    await apiLogin(ctx, user);
    this.all.push({ ctx, user, parties: [] });
    return ctx;
  }

  /** After a logout: the same account signs in again (from a fresh address: 10 logins a minute per address). */
  async signInAgain() {
    const { ctx, user } = this.all.at(-1)!;
    const login = await call(ctx, {
      method: "POST",
      path: "/api/users/login",
      body: { text: JSON.stringify({ email: user.email, password: user.password }), type: "application/json" },
    });
    if (login.status !== 200) throw new Error(`signing in again: ${login.text}`);
  }

  /** Sends; on a 429, once more as a fresh account. */
  async call(c: Call): Promise<Answer> {
    const a = await call(this.current, c);
    if (a.status !== 429) return a;
    await this.rotate();
    return call(this.current, c);
  }

  /** A party the current account made, deleted at the end so the shared lists stay small. */
  made(id: number) {
    this.all.at(-1)!.parties.push(id);
  }

  async dispose() {
    for (const { ctx, parties } of this.all) {
      for (const id of parties) await ctx.delete(`/api/parties/${id}`, { headers: { "x-forwarded-for": randomIp() } });
      await ctx.dispose();
    }
  }
}

/** The instant a client meant by an ISO 8601 text, as the contract reads it (no offset: UTC). */
function meantInstant(date: unknown): number {
  if (typeof date !== "string") return NaN;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return Date.parse(`${date}T00:00:00Z`);
  return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/i.test(date) ? date : `${date}Z`);
}

/** What a body said, when it was JSON. */
function sentJson(body: Body): unknown {
  try {
    return body ? JSON.parse(body.text.toString()) : undefined;
  } catch {
    return undefined;
  }
}

/** Re-read a party the API just accepted; it must be the one answered, and clean. */
async function expectStored(ctx: APIRequestContext, accepted: Answer, sent: unknown) {
  const party = accepted.json as ApiParty;
  const again = await call(ctx, { method: "GET", path: `/api/parties/${party.id}`, body: null });
  const fields = sent && typeof sent === "object" ? (sent as Record<string, unknown>) : {};
  expectClean(
    {
      ...partyViolations(again.json, accepted.sentAt - 1000),
      reread: again.status === 200 && JSON.stringify(again.json) === JSON.stringify(party) ? [] : [again.text],
      asSent: [
        ...("seats" in fields && fields.seats !== party.seats ? [`seats ${party.seats}`] : []),
        ...("date" in fields && meantInstant(fields.date) !== Date.parse(party.date) ? [`date ${party.date}`] : []),
      ],
    },
    `stored party ${party.id} breaks the rules`,
  );
}

// ------------------------------------------------------------ generators

const oddNumber = jsonNumber;
/** Any JSON value, with the strings and numbers above at its leaves. */
const anything = anyValue([oddNumber]);
const extraKeys = extraKeysOf(anything);

/** An object of `fields` (each mostly plausible) plus extra keys; sometimes an array, or any JSON at all. */
function object<T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) {
  const values = Object.fromEntries(
    Object.entries(fields).map(([k, arb]) => [
      k,
      fc.oneof({ weight: 6, arbitrary: arb as fc.Arbitrary<unknown> }, anything),
    ]),
  );
  const record = fc.oneof(
    { weight: 6, arbitrary: fc.record(values) },
    { weight: 1, arbitrary: fc.record(values, { requiredKeys: [] }) },
  );
  return fc.oneof(
    { weight: 10, arbitrary: fc.tuple(record, extraKeys).map(([known, extra]) => ({ ...extra, ...known })) },
    { weight: 1, arbitrary: record.map((o) => [o]) },
    { weight: 1, arbitrary: anything },
  );
}

/** Mostly what the API takes, with extra keys, so the write paths are reached often. */
const likely = <T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.tuple(fc.record(fields), extraKeys).map(([known, extra]) => ({ ...extra, ...known }));

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/merge-patch+json",
  "application/json; charset=utf-16",
  "text/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/xml",
];
const RAW_BODIES = [
  "",
  " ",
  "{",
  "nul",
  "{'a':1}",
  '{"a":1}{"b":2}',
  "\ufeff{}",
  '"\\ud800"',
  '{"venue":"\\u0000"}',
  '{"a":"\\u12"}',
  "1e999",
  "-0",
  "[".repeat(5000) + "]".repeat(5000),
  "x".repeat(17 * 1024), // over the 16 KB limit
];
const rawBody = fc.oneof(
  fc.constantFrom(...RAW_BODIES),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes)),
);

/** A body for `fields`: JSON as application/json mostly, else the same JSON or garbage under any type, or none. */
function bodyFor(json: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  const text = (value: unknown) => JSON.stringify(value) ?? "";
  return fc.oneof(
    { weight: 12, arbitrary: json.map((value) => ({ text: text(value), type: "application/json" })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(json, fc.option(fc.constantFrom(...CONTENT_TYPES)))
        .map(([v, type]) => ({ text: text(v), type })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(rawBody, fc.option(fc.constantFrom(...CONTENT_TYPES)))
        .map(([t, type]) => ({ text: t, type })),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

// A month ahead at the soonest, so the fuzz's parties never crowd the first page of lists other tests read.
const soon = fromNow(30 * DAY, 5 * 365 * DAY);
const date = isoText(fc.oneof({ weight: 5, arbitrary: soon }, { weight: 2, arbitrary: farOff }));
const partyText = fc.oneof({ weight: 3, arbitrary: padded(fc.string({ minLength: 1, maxLength: 30 })) }, nastyText);
const seats = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: SEATS_MIN - 2, max: SEATS_MAX + 2 }) },
  { weight: 1, arbitrary: oddNumber },
);
const partyFields = { date, venue: partyText, mainDish: partyText, seats };
const partyJson = fc.oneof(
  { weight: 3, arbitrary: likely(partyFields) },
  { weight: 1, arbitrary: object(partyFields) },
);
const patchJson = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(...Object.entries(partyFields).map(([k, v]) => fc.record({ [k]: v }))) },
  { weight: 2, arbitrary: fc.record(partyFields, { requiredKeys: [] }) },
  { weight: 1, arbitrary: object(partyFields) },
);

/** Addresses zod's email rule takes, in any case — always @example.test, the tests' own domain. */
const plainEmail = fc.mixedCase(fc.stringMatching(/^[a-z0-9_+-]{1,12}(\.[a-z0-9_+-]{1,8})?@example\.test$/));
const email = fc.oneof(
  { weight: 5, arbitrary: padded(plainEmail) },
  { weight: 1, arbitrary: fc.tuple(nastyText, plainEmail).map(([a, e]) => a + e) },
  { weight: 1, arbitrary: fc.tuple(plainEmail, specialRun).map(([e, s]) => e + s) },
  { weight: 1, arbitrary: nastyText.map((s) => `${s}@example.test`) },
);
const username = fc.oneof(
  { weight: 4, arbitrary: padded(fc.stringMatching(/^[A-Za-z0-9_-]{3,32}$/)) },
  { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[a-z0-9]{2,8}$/), special).map(([s, c]) => s + c) },
  { weight: 1, arbitrary: nastyText },
);
const password = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: PASSWORD_MIN, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(special, ascii), minLength: PASSWORD_MIN - 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, minLength: PASSWORD_MIN, maxLength: 40 }) },
  { weight: 1, arbitrary: atLength(fc.integer({ min: PASSWORD_MAX - 1, max: PASSWORD_MAX + 1 })) },
  { weight: 1, arbitrary: nastyText },
);
const registerJson = fc.oneof(
  {
    weight: 3,
    arbitrary: likely({
      username: padded(fc.stringMatching(/^[A-Za-z0-9_-]{3,32}$/)),
      email: padded(plainEmail),
      password: fc.oneof(
        fc.string({ unit: "binary", minLength: PASSWORD_MIN, maxLength: 40 }),
        fc.string({ unit: codeUnit, minLength: PASSWORD_MIN, maxLength: 40 }),
        fc.string({ unit: fc.oneof(special, ascii), minLength: PASSWORD_MIN, maxLength: 30 }),
      ),
    }),
  },
  { weight: 1, arbitrary: likely({ username, email, password }) },
  {
    weight: 1,
    arbitrary: object({ username, email, password, website: fc.option(nastyText, { nil: undefined }) }),
  },
);
const loginJson = object({
  // Any text is looked up as it is, so odd text is the interesting case here.
  email: fc.oneof(
    { weight: 1, arbitrary: email },
    { weight: 2, arbitrary: nastyText },
    { weight: 2, arbitrary: nastyText.map((s) => `${s}@example.test`) },
  ),
  password,
  remember: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(true, false, "on", "true", "false", undefined) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom("yes", 1, 0, null), nastyText) },
  ),
});

/** A path segment as a client might send it; lone surrogates as the (invalid) UTF-8 of their code unit. */
function segment(s: string): string {
  let out = "";
  for (const ch of s) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    } else out += encodeURIComponent(ch);
  }
  // "." and ".." would climb out of /api before the request is even sent.
  return /^\.{1,2}$/.test(s) ? `${out}x` : out;
}
const idSegment = fc.oneof(
  fc.nat().map(String),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  oddNumber.map(String),
  fc.constantFrom("%", "%E0%A4%A", "%00", "%2F", "%23", "0x10", "1e3", "%231", "+1", "00001", "2147483648", "%20%201"),
  nastyText.map(segment),
);

// ---------------------------------------------------------------- the fuzz

test.describe.configure({ timeout: 90_000 });

test("POST /api/parties: always a proper answer; what it stores reads back clean", async ({ playwright, baseURL }) => {
  const accounts = new Accounts(playwright.request, baseURL!);
  let stored = 0;
  let ran = 0;
  try {
    await accounts.rotate();
    await fc.assert(
      fc.asyncProperty(bodyFor(partyJson), async (body) => {
        ran++;
        const created = await accounts.call({ method: "POST", path: "/api/parties", body });
        if (created.status !== 201) return;
        stored++;
        accounts.made((created.json as ApiParty).id);
        expectClean(partyViolations(created.json, created.sentAt - 1000), "the 201 answer breaks the rules");
        await expectStored(accounts.current, created, sentJson(body));
      }),
      params(150),
    );
  } finally {
    await accounts.dispose();
  }
  // The generators must reach the write, or the checks above test nothing: a
  // share of the runs made (the time limit may end them early on a busy machine).
  expect(stored).toBeGreaterThanOrEqual(Math.ceil(ran / 6));
});

test("PATCH /api/parties/{id}: always a proper answer; only the host's party changes, and reads back clean", async ({
  playwright,
  baseURL,
}) => {
  const accounts = new Accounts(playwright.request, baseURL!);
  const victims = new Accounts(playwright.request, baseURL!);
  let patched = 0;
  let ran = 0;
  try {
    const owner = await accounts.rotate();
    const own = await apiCreateParty(owner);
    accounts.made(own.id);
    const baseline = { date: own.date, venue: own.venue, mainDish: own.mainDish, seats: own.seats };
    const theirs = await apiCreateParty(await victims.rotate());
    victims.made(theirs.id);
    const targets = { own: String(own.id), theirs: String(theirs.id) };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom("own" as const) },
          fc.constantFrom("theirs" as const),
          idSegment,
        ),
        bodyFor(patchJson),
        async (target, body) => {
          ran++;
          // Every run starts from the same party, so a counterexample does not depend on the runs before it.
          const reset = await owner.patch(`/api/parties/${own.id}`, { data: baseline });
          if (reset.status() !== 200) throw new Error(`resetting party ${own.id}: ${await reset.text()}`);
          const id = target === "own" || target === "theirs" ? targets[target] : target;
          const answer = await accounts.call({ method: "PATCH", path: `/api/parties/${id}`, body });
          if (answer.status >= 300) return;
          if (target !== "own") throw new Error(`PATCH of party ${id}, not the caller's, answered ${answer.status}`);
          patched++;
          expectClean(partyViolations(answer.json, answer.sentAt - 1000), "the 200 answer breaks the rules");
          await expectStored(accounts.current, answer, sentJson(body));
        },
      ),
      params(120),
    );
    // Whatever the fuzz sent, someone else's party is as it was.
    expect(await (await victims.current.get(`/api/parties/${theirs.id}`)).json()).toEqual(theirs);
  } finally {
    await accounts.dispose();
    await victims.dispose();
  }
  expect(patched).toBeGreaterThanOrEqual(Math.ceil(ran / 5));
});

test("/api/parties/{id}, /rsvp, /dishes and /dietary, any method, id and body: always a proper answer", async ({
  playwright,
  baseURL,
}) => {
  const accounts = new Accounts(playwright.request, baseURL!);
  const hosts = new Accounts(playwright.request, baseURL!);
  try {
    const own = await apiCreateParty(await accounts.rotate());
    accounts.made(own.id);
    const theirs = await apiCreateParty(await hosts.rotate());
    hosts.made(theirs.id);
    const gone = await apiCreateParty(hosts.current);
    await hosts.current.delete(`/api/parties/${gone.id}`);
    const named = { own: String(own.id), theirs: String(theirs.id), gone: String(gone.id) };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
        fc.oneof({ weight: 3, arbitrary: fc.constantFrom("own", "theirs", "gone") }, idSegment),
        fc.constantFrom("", "/rsvp", "/rsvp/extra", "/", "/dishes", "/dishes/1", "/dishes/x/claim", "/dietary"),
        bodyFor(anything),
        async (method, target, tail, body) => {
          // The caller's own party stays, so later runs still reach a real one.
          const kept = target === "own" && method === "DELETE" && tail === "" ? "gone" : target;
          const id = kept in named ? named[kept as keyof typeof named] : kept;
          await accounts.call({ method, path: `/api/parties/${id}${tail}`, body });
        },
      ),
      params(150),
    );
  } finally {
    await accounts.dispose();
    await hosts.dispose();
  }
});

test("GET /api/parties?cursor&limit: always a proper answer; every listed party is clean", async ({
  playwright,
  baseURL,
}) => {
  const accounts = new Accounts(playwright.request, baseURL!);
  const cursor = fc.oneof(
    // What encodeCursor makes ("<ms>.<id>", base64url), with any numbers in it.
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.nat(),
            fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }),
            // the largest 15 digits, the last valid Date, year 10000 UTC
            fc.constantFrom(999_999_999_999_999n, 8_640_000_000_000_000n, 253_402_300_800_000n, 0n),
          ),
          fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 11n })),
        )
        .map(([ms, id]) => Buffer.from(`${ms}.${id}`).toString("base64url")),
    },
    fc.base64String({ maxLength: 40 }),
    nastyText.map(segment),
  );
  const limit = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }).map(String) },
    fc.integer({ min: -2, max: 102 }).map(String),
    fc.constantFrom("", "1e2", "01", "0x10", "1.5", "%20", "100%00"),
    nastyText.map(segment),
  );
  const pair = fc.oneof(
    fc.tuple(fc.constant("cursor"), cursor),
    fc.tuple(fc.constant("limit"), limit),
    fc.tuple(awkwardKey.map(segment), limit),
  );
  // Mostly one cursor and one limit (an invalid limit is refused before the cursor is read), else any pairs.
  const query = fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.option(fc.tuple(fc.constant("cursor"), cursor)), fc.option(fc.tuple(fc.constant("limit"), limit)))
          .map((pairs) => pairs.filter((p) => p !== null)),
      },
      fc.array(pair, { maxLength: 3 }),
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));
  try {
    await accounts.rotate();
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const page = await accounts.call({ method: "GET", path: `/api/parties${q}`, body: null });
        if (page.status !== 200) return;
        const { parties, nextCursor } = page.json as { parties: unknown[]; nextCursor: unknown };
        expectClean(
          {
            shape: Array.isArray(parties) && (nextCursor === null || typeof nextCursor === "string") ? [] : [page.text],
            ...Object.fromEntries(
              parties.map((p, i) => [`parties[${i}]`, Object.values(partyViolations(p, page.sentAt)).flat()]),
            ),
          },
          "the list breaks the rules",
        );
      }),
      params(150),
    );
  } finally {
    await accounts.dispose();
  }
});

test("POST /api/users: always a proper answer; an account it creates reads back clean and logs in", async ({
  playwright,
  baseURL,
  request,
}) => {
  let created = 0;
  let ran = 0;
  await fc.assert(
    fc.asyncProperty(bodyFor(registerJson), async (body) => {
      ran++;
      const answer = await call(request, { method: "POST", path: "/api/users", body });
      if (answer.status !== 201) return;
      created++;
      const account = answer.json as { id: unknown; username: unknown; email: unknown };
      expectClean(
        {
          keys: Object.keys(account).sort().join() === "email,id,username" ? [] : [answer.text],
          username: usernameViolations(account.username),
          email: emailViolations(account.email),
        },
        "the new account breaks the rules",
      );
      // Read back through the session: the stored name and address, and the password exactly as sent.
      const sent = sentJson(body) as { password?: unknown };
      const ctx = await playwright.request.newContext({ baseURL });
      try {
        const login = await call(ctx, {
          method: "POST",
          path: "/api/users/login",
          body: { text: JSON.stringify({ email: account.email, password: sent.password }), type: "application/json" },
        });
        const me = await call(ctx, { method: "GET", path: "/api/me", body: null });
        const read = me.json as { id?: unknown; username?: unknown; email?: unknown };
        expectClean(
          {
            login: login.status === 200 ? [] : [`the password as sent does not log in: ${login.text}`],
            me:
              read.id === account.id && read.username === account.username && read.email === account.email
                ? []
                : [me.text],
          },
          "the new account does not read back",
        );
      } finally {
        await ctx.dispose();
      }
    }),
    params(40),
  );
  expect(created).toBeGreaterThanOrEqual(Math.ceil(ran / 5));
});

test("POST /api/users/login, logged out: always a proper answer", async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(bodyFor(loginJson), async (body) => {
      const answer = await call(request, { method: "POST", path: "/api/users/login", body });
      if (answer.status < 300) throw new Error(`generated credentials logged in: ${answer.text}`);
    }),
    params(80),
  );
});

test("every other endpoint, any method and body, logged in or not: always a proper answer", async ({
  playwright,
  baseURL,
  request,
}) => {
  const accounts = new Accounts(playwright.request, baseURL!);
  const paths = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        "/api/users",
        "/api/users/login",
        "/api/users/logout",
        "/api/me",
        "/api/me/dietary",
        "/api/health",
        "/api/viewer/time-zone",
        "/api/parties",
        "/api",
      ),
    },
    {
      weight: 1,
      arbitrary: fc.array(nastyText.map(segment), { minLength: 1, maxLength: 3 }).map((s) => `/api/${s.join("/")}`),
    },
  );
  const jsonFor = fc.oneof(
    anything,
    object({ timeZone: fc.oneof(fc.constantFrom("Europe/Paris", "UTC", "Asia/Kathmandu", "Nope/Nope"), nastyText) }),
    registerJson,
    loginJson,
    partyJson,
  );
  try {
    await accounts.rotate();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
        paths,
        bodyFor(jsonFor),
        fc.boolean(),
        async (method, path, body, loggedIn) => {
          const c = { method, path, body };
          const answer = loggedIn ? await accounts.call(c) : await call(request, c);
          if (!loggedIn || answer.status >= 300) return;
          if (path === "/api/parties" && method === "POST") {
            accounts.made((answer.json as ApiParty).id);
            await expectStored(accounts.current, answer, sentJson(body));
          }
          if (path === "/api/users/logout") await accounts.signInAgain();
        },
      ),
      params(150),
    );
  } finally {
    await accounts.dispose();
  }
});
