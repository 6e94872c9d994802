import type { APIRequestContext, APIResponse } from "@playwright/test";
import { apiLogin, createUser, expect, newUser, test } from "./fixtures";
import { dbDate, sql } from "./support/db";
import { apiCreateParty } from "./support/parties";
import { randomIp } from "./support/users";

// Well over a thousand malformed, oversized, wrongly-typed and
// injection-shaped requests at every API route and every form action. None
// may get a 5xx; API answers are JSON, form answers a page or a redirect; the
// data is unchanged by them all (each request is invalid by construction);
// the server is still up at the end.

/** Small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\u0000admin",
  "a".repeat(5000),
  "' OR '1'='1",
  '"; DROP TABLE "User"; --',
  '1; DELETE FROM "DinnerParty"',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}",
  "{{7*7}}",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "\u202egnp.exe",
  "😀".repeat(200),
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x7fffffff",
  "[]",
  "{}",
  "true",
  "\\",
  "\r\nSet-Cookie: x=1",
  "javascript:alert(1)",
];

const NASTY_VALUES: unknown[] = [
  ...NASTY_STRINGS,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  [],
  ["a", 1],
  {},
  { $gt: "" },
  { __proto__: { admin: true } },
  { constructor: { prototype: { admin: true } } },
  JSON.parse("[".repeat(200) + "]".repeat(200)),
];

const RAW_BODIES = [
  "",
  "{",
  "}",
  "[",
  "nul",
  '"',
  '{"a":}',
  "{'a':1}",
  "\u0000",
  '{"__proto__":{"admin":true}}',
  "[".repeat(5000) + "]".repeat(5000),
  "a".repeat(100),
  "\ufeff{}",
  '{"a":1}{"b":2}',
];

const CONTENT_TYPES = [
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/xml",
  "application/json; charset=utf-16",
  "",
];

type Check = { label: string; res: APIResponse; api: boolean; rsc?: boolean };

test("over a thousand bad requests: no 5xx, always a proper answer, no data changed", async ({
  playwright,
  request,
  user,
}) => {
  test.setTimeout(300_000);
  const baseURL = test.info().project.use.baseURL!;
  const random = rng(20261121);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  // A logged-in fuzzer who hosts one party, and someone else's party.
  await apiLogin(request, user);
  const own = await apiCreateParty(request, { seats: 4 });
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  await apiLogin(other, await createUser(other, newUser("victim")));
  const theirs = await apiCreateParty(other, { seats: 4 });
  const anonymous = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });

  // Other tests run beside this one: look only at what the fuzz could touch —
  // the two accounts, their parties, RSVPs and sessions, and any account
  // that is not one of the tests' own (@example.test) made meanwhile.
  const ids2 = [(await (await request.get("/api/me")).json()).id, (await (await other.get("/api/me")).json()).id];
  const started = new Date(Date.now() - 1000);
  const counts = async () =>
    (
      await sql(
        `SELECT (SELECT COUNT(*) FROM "DinnerParty" WHERE "hostId" IN ($1, $2)) AS p,
                (SELECT COUNT(*) FROM "Attendance" a JOIN "DinnerParty" d ON d."id" = a."partyId"
                  WHERE d."hostId" IN ($1, $2)) AS guests,
                (SELECT COUNT(*) FROM "Attendance" WHERE "userId" IN ($1, $2)) AS rsvps,
                (SELECT COUNT(*) FROM "Session" WHERE "userId" IN ($1, $2)) AS s,
                (SELECT COALESCE(SUM("seatsTaken"), 0) FROM "DinnerParty" WHERE "hostId" IN ($1, $2)) AS t`,
        ids2,
      )
    ).map((r) => Object.values(r).map(Number))[0];
  const before = await counts();
  const checks: Check[] = [];

  // Bodies that are each invalid for sure, plus noise.
  const invalidParty = () => {
    const body: Record<string, unknown> = {
      date: pick([...NASTY_VALUES, new Date(Date.now() + 86_400_000).toISOString()]),
      venue: pick(NASTY_VALUES),
      mainDish: pick(NASTY_VALUES),
      seats: pick(NASTY_VALUES),
    };
    const broken = pick(["date", "venue", "mainDish", "seats"] as const);
    body[broken] = { date: "2020-01-01T00:00:00Z", venue: "", mainDish: "m".repeat(121), seats: 101 }[broken];
    return body;
  };
  const invalidRegistration = () => ({
    username: pick(NASTY_VALUES),
    email: pick(NASTY_VALUES),
    password: pick(NASTY_VALUES),
    website: pick(["http://spam.example", "x"]), // the honeypot: always refused
  });
  const invalidLogin = () => ({
    email: pick(NASTY_VALUES),
    password: pick(NASTY_VALUES),
    remember: pick(NASTY_VALUES),
  });
  const ids = [
    String(own.id),
    String(theirs.id),
    "0",
    "-1",
    "99999999999",
    "abc",
    "1.5",
    "%2e%2e",
    "1;DROP",
    "%00",
    "a".repeat(300),
  ];

  type Call = { method: string; path: string; body: () => unknown; as?: APIRequestContext };
  const calls: Call[] = [
    { method: "POST", path: "/api/users", body: invalidRegistration, as: anonymous },
    { method: "POST", path: "/api/users/login", body: invalidLogin, as: anonymous },
    { method: "POST", path: "/api/users/logout", body: () => pick(NASTY_VALUES), as: anonymous },
    { method: "POST", path: "/api/parties", body: invalidParty },
    { method: "PATCH", path: `/api/parties/${own.id}`, body: invalidParty },
    { method: "PATCH", path: `/api/parties/${theirs.id}`, body: () => ({ venue: "Taken over", ...invalidParty() }) },
    { method: "DELETE", path: `/api/parties/${theirs.id}`, body: () => pick(NASTY_VALUES) },
    { method: "POST", path: `/api/parties/${own.id}/rsvp`, body: () => pick(NASTY_VALUES) },
    { method: "DELETE", path: `/api/parties/${own.id}/rsvp`, body: () => pick(NASTY_VALUES) },
    { method: "POST", path: "/api/viewer/time-zone", body: () => ({ timeZone: pick(NASTY_VALUES) }) },
  ];

  async function send(call: Call, mode: number) {
    const ctx = call.as ?? request;
    const method = call.method;
    let res: APIResponse;
    if (mode < 0.55) {
      res = await ctx.fetch(call.path, { method, data: call.body() as object });
    } else if (mode < 0.8) {
      res = await ctx.fetch(call.path, {
        method,
        headers: { "content-type": pick(CONTENT_TYPES) },
        data: pick(RAW_BODIES),
      });
    } else if (mode < 0.9) {
      // Over the size limit: refused before any work.
      res = await ctx.fetch(call.path, { method, data: { password: "p".repeat(100_000), venue: "v".repeat(20_000) } });
    } else {
      const bad = pick(ids);
      res = await ctx.fetch(call.path.replace(/\/\d+(\/|$)/, `/${bad}$1`), { method, data: call.body() as object });
    }
    checks.push({ label: `${method} ${call.path} mode=${mode.toFixed(2)}`, res, api: true });
  }

  // ~1200 API calls, eight at a time.
  const queue: (() => Promise<void>)[] = [];
  for (let i = 0; i < 1100; i++) {
    const call = calls[i % calls.length]!;
    const mode = random();
    queue.push(() => send(call, mode));
  }
  for (const path of ["/api/parties", "/api/me", "/api/health", `/api/parties/${theirs.id}`]) {
    for (const q of [
      "",
      "?limit=0",
      "?limit=-5",
      "?limit=1e9",
      "?cursor=%00",
      "?cursor=" + "A".repeat(500),
      "?limit[]=1",
      "?limit=abc&cursor=x",
    ]) {
      queue.push(async () => {
        checks.push({ label: `GET ${path}${q}`, res: await request.get(path + q), api: true });
      });
    }
  }
  for (const path of ["/api", "/api/" + "x/".repeat(200), "/api/parties/1/rsvp/extra", "/api/users/../users"]) {
    queue.push(async () => {
      checks.push({ label: `GET ${path}`, res: await request.get(path), api: true });
    });
  }
  // Dot-segments that climb out of /api name a page path: the 404 page.
  const escaped = await request.get("/api/%2e%2e/%2e%2e/etc/passwd");
  expect(escaped.status()).toBe(404);

  // Form actions: the real forms' hidden fields, then fuzzed inputs or garbage.
  const forms: { page: string; fields: () => Record<string, string>; as?: APIRequestContext }[] = [
    {
      page: "/register",
      as: anonymous,
      fields: () => ({
        username: pick(NASTY_STRINGS),
        email: pick(NASTY_STRINGS),
        password: "short",
        repeatPassword: pick(NASTY_STRINGS),
        website: "x",
      }),
    },
    {
      page: "/login",
      as: anonymous,
      fields: () => ({
        email: pick(NASTY_STRINGS),
        password: pick(NASTY_STRINGS),
        remember: pick(NASTY_STRINGS),
        callbackUrl: pick(NASTY_STRINGS),
      }),
    },
    {
      page: `/user/${user.username}`,
      fields: () => ({
        date: pick(NASTY_STRINGS),
        timeZone: pick(NASTY_STRINGS),
        venue: "",
        mainDish: pick(NASTY_STRINGS),
        seats: pick(NASTY_STRINGS),
      }),
    },
    {
      page: `/parties/${own.id}/edit`,
      fields: () => ({
        partyId: pick(ids),
        date: "2020-01-01T10:00",
        venue: pick(NASTY_STRINGS),
        mainDish: pick(NASTY_STRINGS),
        seats: pick(NASTY_STRINGS),
      }),
    },
    {
      page: "/rsvp",
      fields: () => ({
        partyId: pick([...NASTY_STRINGS, "99999999"].filter((s) => !/^\s*#?\d{1,10}\s*$/.test(s) || s === "99999999")),
        returnTo: pick(NASTY_STRINGS),
      }),
    },
    {
      page: "/settings",
      fields: () => ({
        currentPassword: "not the password",
        newPassword: pick(NASTY_STRINGS),
        repeatNewPassword: pick(NASTY_STRINGS),
        password: "not the password",
      }),
    },
  ];
  const hiddenFields = async (page: string, ctx: APIRequestContext) => {
    const html = await (await ctx.get(page)).text();
    // Every form of the page but "Log out", which would end the fuzzer's session.
    const formsHtml = [...html.matchAll(/<form[\s\S]*?<\/form>/g)]
      .map((m) => m[0])
      .filter((f) => !f.includes("Log out"));
    return formsHtml
      .map((form) =>
        Object.fromEntries(
          [...form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(([, k, v]) => [
            k!,
            (v ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
          ]),
        ),
      )
      .filter((f) => Object.keys(f).length > 0);
  };
  // Posted as from the site's own pages (a post with no Origin is refused before any action: api-security).
  const ours = { origin: new URL(baseURL).origin };
  for (const form of forms) {
    const ctx = form.as ?? request;
    const actions = await hiddenFields(form.page, ctx);
    expect(actions.length, form.page).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) {
      queue.push(async () => {
        const action = pick(actions);
        const mode = random();
        let res: APIResponse;
        if (mode < 0.6) {
          res = await ctx.post(form.page, {
            headers: ours,
            multipart: { ...action, ...form.fields() },
            maxRedirects: 0,
          });
        } else if (mode < 0.75) {
          res = await ctx.post(form.page, { headers: ours, form: { ...action, ...form.fields() }, maxRedirects: 0 });
        } else if (mode < 0.85) {
          res = await ctx.post(form.page, {
            headers: { ...ours, "content-type": pick(CONTENT_TYPES) },
            data: pick(RAW_BODIES),
            maxRedirects: 0,
          });
        } else {
          const id =
            JSON.parse(
              pick(
                Object.entries(action)
                  .filter(([k]) => /:0$/.test(k))
                  .map(([, v]) => v)
                  .concat(['{"id":"00"}']),
              ) || "{}",
            ).id ?? "00";
          res = await ctx.post(form.page, {
            headers: {
              ...ours,
              "next-action": pick([id, "00deadbeef", "x".repeat(500)]),
              "content-type": pick(["text/plain;charset=UTF-8", "multipart/form-data; boundary=q"]),
            },
            data: pick(["[]", "[{}]", '["$@1"]', "garbage", '[{"a":1},"$K2"]', pick(RAW_BODIES)]),
            maxRedirects: 0,
          });
        }
        checks.push({ label: `POST ${form.page} form mode=${mode.toFixed(2)}`, res, api: false, rsc: mode >= 0.85 });
      });
    }
  }

  for (let i = 0; i < queue.length; i += 8) await Promise.all(queue.slice(i, i + 8).map((job) => job()));

  expect(checks.length).toBeGreaterThanOrEqual(1000);
  for (const { label, res, api, rsc } of checks) {
    const status = res.status();
    expect(status, label).toBeLessThan(500);
    const type = res.headers()["content-type"] ?? "";
    if (api && status !== 204 && !(status >= 300 && status < 400)) {
      expect(type, `${label} → ${status}`).toContain("application/json");
      const body = await res.json();
      if (status >= 400) expect(typeof body.message, label).toBe("string");
    }
    if (!api && ![303, 307, 308].includes(status)) {
      // A browser form post gets a page; a hand-made Server Action call (its
      // RSC protocol) may get Next.js's own short text answer.
      expect(type, `${label} → ${status}`).toMatch(rsc ? /text\/(html|x-component|plain)/ : /text\/html/);
      expect(await res.text(), label).not.toMatch(/at .+\.js:\d+|PrismaClient|SQLITE_|ECONNREFUSED/);
    }
  }

  // Nothing changed, and the server is still there.
  expect(await counts()).toEqual(before);
  const strangers = await sql(
    `SELECT "username" FROM "User" WHERE "email" NOT LIKE '%@example.test' AND "joinedAt" >= $1`,
    [dbDate(started)],
  );
  expect(strangers).toEqual([]);
  expect((await request.get("/api/health")).status()).toBe(200);
  const mine = await (await request.get(`/api/parties/${own.id}`)).json();
  expect(mine).toMatchObject({ venue: own.venue, seats: 4, seatsTaken: 1 });
  expect(await (await other.get(`/api/parties/${theirs.id}`)).json()).toMatchObject({ venue: theirs.venue });
  await other.dispose();
  await anonymous.dispose();
});
