import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { createPageCache } from "./page-cache.mjs";
import { resolveLocale } from "./shared.mjs";

// A real HTTP server with the cache in front of a stand-in for Next.js that
// renders a page with a fresh nonce each time, in the locale the app would
// use, and counts its renders. Its "database": live sessions (token → user)
// and the content version.
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
/** when the next party starts (the stamp's `until`) */
let nextStart: number | null = null;
const cache = createPageCache({
  ttlMs: 5_000,
  isDatabaseDown: () => down,
  now: () => clock,
  signedInStamp: async (token) => {
    if (stampFails) throw new Error("database unreachable");
    const user = sessions.get(token);
    return user ? { stamp: `${user} ${version}`, until: nextStart } : null;
  },
});

function userOf(cookie: string | undefined) {
  const token = /(?:^|;\s*)(?:__Host-)?dp\.session=([^;]+)/.exec(cookie ?? "")?.[1];
  return token ? (sessions.get(token) ?? "nobody") : "nobody";
}

function serverFor(pages: ReturnType<typeof createPageCache>) {
  return http.createServer(async (req, res) => {
    const ticket = await pages.keyOf(req);
    if (ticket !== null) {
      if (pages.serve(req, res, ticket)) return;
      pages.record(req, res, ticket);
    }
    renders++;
    const nonce = Buffer.from(`nonce-${renders}-${Math.random()}`).toString("base64");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    if (setCookie) res.setHeader("Set-Cookie", "dp.csrf=abc; Path=/");
    res.write(`<!doctype html><title>Home</title><script nonce="${nonce}">1</script>`);
    res.end(
      `<p>rendered for ${req.headers["accept-encoding"] ?? "identity"}, ${userOf(req.headers.cookie)} at version ${version} in ${resolveLocale(req.headers["accept-language"])}</p>`,
    );
  });
}

async function listen(server: http.Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const server = serverFor(cache);
let base = "";
before(async () => {
  base = await listen(server);
});
after(() => server.close());

function get(
  path: string,
  headers: Record<string, string> = {},
  { to = base, agent = false }: { to?: string; agent?: http.Agent | false } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(to + path, { headers, agent }, (res) => {
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

describe("the locale in the key", () => {
  test("headers that resolve to the same locale share one copy", async () => {
    clock += 60_000;
    const first = await get("/", { "accept-language": "en-GB,en;q=0.9" });
    assert.match(first.body.toString(), /in en-GB</);
    const rendered = renders;
    for (const language of ["en-GB", "en-GB;q=0.8", "", "*", "xx, en-GB;q=0.5", "en-GB-x-mine", "zz-ZZ"]) {
      const res = await get("/", { "accept-language": language });
      assert.match(res.body.toString(), /in en-GB</, language);
    }
    assert.equal(renders, rendered, "all answered from the en-GB copy");
    const other = await get("/", { "accept-language": "en-US,en-GB;q=0.9" });
    assert.match(other.body.toString(), /in en-US</);
    assert.equal(renders, rendered + 1);
  });

  test("10,000 invented Accept-Language headers keep at most one copy per locale they resolve to", async () => {
    const maxEntries = 500;
    const pages = createPageCache({ maxEntries, now: () => clock });
    const flood = serverFor(pages);
    const to = await listen(flood);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const headers = inventedAcceptLanguages(10_000);
      const locales = new Map(headers.map((h) => [h, resolveLocale(h)]));
      const distinct = new Set(locales.values());
      assert.ok(distinct.size < 1_000, `${distinct.size} locales`);
      const rendered = renders;
      let most = 0;
      for (const language of headers) {
        const res = await get("/", { "accept-language": language }, { to, agent });
        // Served in the locale this header asks for, whoever's render it was.
        assert.ok(res.body.toString().endsWith(` in ${locales.get(language)}</p>`), language);
        most = Math.max(most, pages.size);
      }
      assert.ok(most <= maxEntries && most <= distinct.size, `${most} copies kept at most`);
      assert.equal(pages.size, distinct.size, "one copy per locale");
      assert.equal(renders - rendered, distinct.size, "one render per locale, the rest from memory");
      // The memo behind resolveLocale has been emptied many times over by now.
      for (const [language, locale] of locales) assert.equal(resolveLocale(language), locale, language);
    } finally {
      agent.destroy();
      flood.close();
    }
  });
});

/**
 * Distinct Accept-Language headers as a client may invent them: real and
 * made-up languages, scripts, regions, variants, Unicode extensions,
 * private-use tags, q-values and junk. Seeded, so every run sends the same.
 */
function inventedAcceptLanguages(count: number) {
  let seed = 2024;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const letters = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join("");
  const languages = ["en", "fr", "de", "es", "pt", "it", "nl", "sv", "pl", "ru", "uk", "tr", "ar", "he", "hi"];
  const regions = ["GB", "US", "FR", "CA", "DE", "CH", "BR", "IN", "CN", "TW", "JP", "AU", "419", "001"];
  const tag = () => {
    const roll = random();
    if (roll < 0.05) return pick(["*", "i-klingon", "x-private", "en-GB-oed", "zh-min-nan", "sgn-BE-FR"]);
    if (roll < 0.1) return letters(1 + Math.floor(random() * 9));
    let t = random() < 0.8 ? pick([...languages, "zh", "ja", "ko", "cy", "ga"]) : letters(2 + Math.floor(random() * 2));
    if (random() < 0.15) t += `-${pick(["Latn", "Cyrl", "Hant", "Hans", "Arab"])}`;
    if (random() < 0.6) t += `-${random() < 0.8 ? pick(regions) : letters(2).toUpperCase()}`;
    if (random() < 0.1) t += `-${pick(["1901", "valencia", "oxendict", "posix"])}`;
    if (random() < 0.3) t += `-u-${pick(["ca-buddhist", "ca-japanese", "nu-arab", "hc-h12", "co-phonebk"])}`;
    if (random() < 0.3) t += `-x-${letters(1 + Math.floor(random() * 8))}`;
    return t;
  };
  const junk = () =>
    pick([";;;", ",,", "q=1", "été", "en_GB", "---", "a".repeat(300), letters(8).toUpperCase() + "!#$%"]);
  const headers = new Set<string>();
  while (headers.size < count) {
    const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const part = random() < 0.1 ? junk() : tag();
      return random() < 0.4 ? `${part};q=${pick(["0.9", "0.5", "0", "1", "1.0", "0.123", "abc", "-1", ""])}` : part;
    });
    headers.add(parts.join(pick([",", ", ", " ,"])));
  }
  return [...headers];
}

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

  test("only /rsvp: a party page and the host's guest-list CSV are rendered every time", async () => {
    clock += 60_000;
    for (const path of ["/parties/1", "/parties/1/guests.csv", "/parties/1/guests/ann/remove"]) {
      const rendered = renders;
      await get(path, { cookie: "dp.session=token-ann" });
      await get(path, { cookie: "dp.session=token-ann" });
      assert.equal(renders, rendered + 2, path);
      const request = { method: "GET", url: path, headers: { cookie: "dp.session=token-ann" } };
      const ticket = await cache.keyOf(request as unknown as http.IncomingMessage);
      assert.equal(ticket, null, path);
    }
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

  test("a copy never outlives the start of the next party: then the list has changed without a write", async () => {
    clock += 60_000;
    nextStart = clock + 3_000;
    try {
      await as("token-ann");
      const rendered = renders;
      clock += 2_999;
      await as("token-ann");
      assert.equal(renders, rendered, "kept until the party starts");
      clock += 1;
      await as("token-ann");
      assert.equal(renders, rendered + 1, "rendered again the moment it starts");
      // A party starting within the render itself: nothing worth keeping.
      nextStart = clock;
      await as("token-ann");
      await as("token-ann");
      assert.equal(renders, rendered + 3);
    } finally {
      nextStart = null;
    }
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
