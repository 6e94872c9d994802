import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { createPageCache, pageCacheEnabled } from "./page-cache.mjs";

// A real HTTP server with the cache in front of a stand-in for Next.js that
// renders a page with a fresh nonce each time and counts its renders. Its
// "database": live sessions (token → user) and the content version.
let renders = 0;
let down = false;
let clock = 1_000;
let setCookie = false;
const sessions = new Map([
  ["token-ann", "ann"],
  ["token-ann-phone", "ann"],
  ["token-bob", "bob"],
]);
let version = 1;
let stampFails = false;
const cache = createPageCache({
  ttlMs: 5_000,
  isDatabaseDown: () => down,
  now: () => clock,
  signedInStamp: async (token) => {
    if (stampFails) throw new Error("database unreachable");
    const user = sessions.get(token);
    return user ? `${user} ${version}` : null;
  },
});

function userOf(cookie: string | undefined) {
  const token = /(?:^|;\s*)(?:__Host-)?dp\.session=([^;]+)/.exec(cookie ?? "")?.[1];
  return token ? (sessions.get(token) ?? "nobody") : "nobody";
}

const server = http.createServer(async (req, res) => {
  const key = await cache.keyOf(req);
  if (key !== null) {
    if (cache.serve(req, res, key)) return;
    cache.record(req, res, key);
  }
  renders++;
  const nonce = Buffer.from(`nonce-${renders}-${Math.random()}`).toString("base64");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  if (setCookie) res.setHeader("Set-Cookie", "dp.csrf=abc; Path=/");
  res.write(`<!doctype html><title>Home</title><script nonce="${nonce}">1</script>`);
  res.end(
    `<p>rendered for ${req.headers["accept-encoding"] ?? "identity"}, ${userOf(req.headers.cookie)} at version ${version}</p>`,
  );
});
let base = "";
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(base + path, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))![1]!;

describe("anonymous page cache", () => {
  test("serves the second anonymous visit from memory, with a fresh nonce in the header and the page", async () => {
    clock += 60_000;
    const first = await get("/");
    const rendered = renders;
    const second = await get("/");
    assert.equal(renders, rendered, "no second render");
    assert.equal(second.status, 200);
    const [a, b] = [
      nonceOf(first.headers["content-security-policy"]),
      nonceOf(second.headers["content-security-policy"]),
    ];
    assert.notEqual(a, b);
    assert.ok(second.body.toString().includes(`<script nonce="${b}">`));
    assert.ok(!second.body.toString().includes(a));
    assert.equal(second.headers["content-length"], String(second.body.length));
  });

  test("gzips for clients that accept it; the stored copy is the uncompressed page", async () => {
    clock += 60_000;
    const miss = await get("/login", { "accept-encoding": "gzip, br" });
    assert.match(miss.body.toString(), /rendered for identity/);
    const hit = await get("/login", { "accept-encoding": "gzip, br" });
    assert.equal(hit.headers["content-encoding"], "gzip");
    assert.match(gunzipSync(hit.body).toString(), /rendered for identity/);
  });

  test("expires after its time to live", async () => {
    clock += 60_000;
    await get("/register");
    const rendered = renders;
    clock += 4_000;
    await get("/register");
    assert.equal(renders, rendered);
    clock += 2_000;
    await get("/register");
    assert.equal(renders, rendered + 1);
  });

  test("a time-zone cookie gets its own copy; any other cookie, a query, a prefetch or another path is rendered", async () => {
    clock += 60_000;
    await get("/");
    let rendered = renders;
    await get("/", { cookie: "dp.tz=Europe/Paris" });
    await get("/", { cookie: "dp.tz=Europe/Paris" });
    assert.equal(renders, rendered + 1);
    rendered = renders;
    for (const [path, headers] of [
      ["/", { cookie: "dp.tz=Europe/Paris; dp.session=abc" }],
      ["/", { cookie: "dp.flash=1" }],
      ["/", { cookie: "__Host-dp.tz=Europe/Paris" }],
      ["/", { cookie: "dp.tz=Europe/Paris", "x-forwarded-proto": "https" }],
      ["/", { cookie: "dp.tz=Europe/Paris; dp.tz=UTC" }],
      ["/", { cookie: "other=1" }],
      ["/?from=mail", {}],
      ["/", { rsc: "1" }],
      ["/", { "next-router-prefetch": "1" }],
      ["/rsvp", {}],
    ] as const) {
      await get(path, headers);
    }
    assert.equal(renders, rendered + 10);
  });

  test("never keeps a page that sets a cookie, and steps aside while the database is down", async () => {
    clock += 60_000;
    let rendered = renders;
    setCookie = true;
    await get("/");
    await get("/");
    setCookie = false;
    assert.equal(renders, rendered + 2, "a page with Set-Cookie is rendered every time");
    rendered = renders;
    await get("/");
    await get("/");
    assert.equal(renders, rendered + 1, "cached once the page stops setting cookies");
    down = true;
    rendered = renders;
    await get("/");
    assert.equal(renders, rendered + 1);
    down = false;
  });

  test("the language of the request gets its own copy", async () => {
    clock += 60_000;
    await get("/", { "accept-language": "fr-FR" });
    const rendered = renders;
    await get("/", { "accept-language": "fr-FR" });
    await get("/", { "accept-language": "en-US" });
    assert.equal(renders, rendered + 1);
  });
});

describe("signed-in page cache", () => {
  const as = (token: string, headers: Record<string, string> = {}) =>
    get("/rsvp", { cookie: `dp.session=${token}`, ...headers });

  test("keeps each person's party list for them alone, across their sessions", async () => {
    clock += 60_000;
    const rendered = renders;
    const ann = await as("token-ann");
    const again = await as("token-ann");
    const phone = await as("token-ann-phone");
    const bob = await as("token-bob");
    assert.equal(renders, rendered + 2, "one render for ann (both sessions), one for bob");
    assert.match(ann.body.toString(), /ann at version/);
    assert.match(again.body.toString(), /ann at version/);
    assert.match(phone.body.toString(), /ann at version/);
    assert.match(bob.body.toString(), /bob at version/);
  });

  test("any change to the content retires every copy at once", async () => {
    clock += 60_000;
    await as("token-ann");
    const rendered = renders;
    version++;
    const fresh = await as("token-ann");
    assert.equal(renders, rendered + 1);
    assert.match(fresh.body.toString(), new RegExp(`ann at version ${version}`));
    await as("token-ann");
    assert.equal(renders, rendered + 1);
  });

  test("without a change, a copy lives 30 s: time passing is what the version cannot tell", async () => {
    clock += 60_000;
    await as("token-ann");
    const rendered = renders;
    clock += 29_000;
    await as("token-ann");
    assert.equal(renders, rendered);
    clock += 2_000;
    await as("token-ann");
    assert.equal(renders, rendered + 1);
  });

  test("a session that has ended is never answered from memory", async () => {
    clock += 60_000;
    sessions.set("token-leaving", "carol");
    await as("token-leaving");
    sessions.delete("token-leaving");
    const rendered = renders;
    const after = await as("token-leaving");
    assert.equal(renders, rendered + 1);
    assert.match(after.body.toString(), /nobody at version/);
  });

  test("a flash message, an unknown cookie, a query, the wrong cookie name for the scheme, or a failing check is rendered", async () => {
    clock += 60_000;
    await as("token-bob");
    await as("token-bob", { "x-forwarded-proto": "https", cookie: "__Host-dp.session=token-bob" });
    let rendered = renders;
    await as("token-bob", { cookie: "dp.session=token-bob; dp.csrf=x; dp.callback-url=%2F; dp.tz=UTC" });
    await as("token-bob", { cookie: "dp.session=token-bob; dp.csrf=x; dp.callback-url=%2F; dp.tz=UTC" });
    await as("token-bob", { "x-forwarded-proto": "https", cookie: "__Host-dp.session=token-bob" });
    assert.equal(renders, rendered + 1, "Auth.js's cookies do not matter; the zone does; https has its own copy");
    rendered = renders;
    for (const [path, headers] of [
      ["/rsvp", { cookie: "dp.session=token-bob; dp.flash=1" }],
      ["/rsvp", { cookie: "dp.session=token-bob; tracking=1" }],
      ["/rsvp?after=abc", { cookie: "dp.session=token-bob" }],
      ["/rsvp", { cookie: "__Host-dp.session=token-bob" }],
      ["/rsvp", { cookie: "dp.session=token-bob", "x-forwarded-proto": "https" }],
      ["/rsvp", {}],
      ["/user/bob", { cookie: "dp.session=token-bob" }],
    ] as const) {
      await get(path, headers);
    }
    assert.equal(renders, rendered + 7);
    stampFails = true;
    await as("token-bob");
    stampFails = false;
    assert.equal(renders, rendered + 8);
  });
});

describe("the PAGE_CACHE switch", () => {
  test("only PAGE_CACHE=0 turns the cache off", () => {
    assert.equal(pageCacheEnabled({ PAGE_CACHE: "0" }), false);
    for (const value of [undefined, "", "1", "on", "off", "false", " 0", "00"]) {
      assert.equal(pageCacheEnabled({ PAGE_CACHE: value }), true, String(value));
    }
    assert.equal(pageCacheEnabled({}), true);
  });
});
