import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  DEFAULT_LOCALE,
  defaultOrigin,
  readyLines,
  newNonce,
  nonceIn,
  readConfig,
  resolveLocale,
  startupProblems,
} from "./shared.mjs";

describe("resolveLocale", () => {
  test("the first tag ICU can write dates in, as ICU names it, without extensions", () => {
    for (const [header, locale] of [
      ["en-GB", "en-GB"],
      ["en-GB,en;q=0.9", "en-GB"],
      ["fr-CH;q=0.9, de", "fr-CH"],
      ["en-u-ca-buddhist", "en"],
      ["en-x-mine", "en"],
      ["de-ZZ", "de"],
      ["xx, pt-BR", "pt-BR"],
      ["*, ja", "ja"],
    ] as const) {
      assert.equal(resolveLocale(header), locale, header);
    }
  });

  test("nothing usable: en-GB", () => {
    assert.equal(DEFAULT_LOCALE, "en-GB");
    for (const header of ["xx", "", undefined, null, "*", ";;;", "en_GB", "i-klingon", "a".repeat(300)]) {
      assert.equal(resolveLocale(header), "en-GB", String(header));
    }
  });

  test("only the first 256 characters and 16 tags are read", () => {
    assert.equal(resolveLocale(`${" ".repeat(254)}fr`), "fr");
    assert.equal(resolveLocale(`${" ".repeat(255)}fr`), "en-GB");
    assert.equal(resolveLocale(`${"xx,".repeat(15)}fr`), "fr");
    assert.equal(resolveLocale(`${"xx,".repeat(16)}fr`), "en-GB");
  });

  test("the same header always gets the same answer, remembered or not", () => {
    const answers = Array.from({ length: 1_200 }, (_, i) => resolveLocale(`x${i}, de-AT`));
    assert.deepEqual(new Set(answers), new Set(["de-AT"]));
    assert.equal(resolveLocale("x0, de-AT"), "de-AT");
  });
});

describe("newNonce", () => {
  test("is 128 random bits (16 bytes from the CSPRNG), base64, and found again in its header", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const nonce = newNonce();
      const bytes = Buffer.from(nonce, "base64");
      assert.equal(bytes.length, 16, nonce);
      assert.equal(bytes.toString("base64"), nonce, "canonical base64");
      assert.equal(nonceIn(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`), nonce);
      seen.add(nonce);
    }
    assert.equal(seen.size, 1000);
    // Every bit varies: a UUID's version and variant bits would not.
    const ones = Array.from({ length: 128 }, () => 0);
    for (const nonce of [...seen]) {
      const bytes = Buffer.from(nonce, "base64");
      for (let bit = 0; bit < 128; bit++) ones[bit]! += (bytes[bit >> 3]! >> (7 - (bit & 7))) & 1;
    }
    for (const [bit, count] of ones.entries()) assert.ok(count > 350 && count < 650, `bit ${bit} set ${count}/1000`);
  });
});

describe("the configuration", () => {
  test("empty is unset; the defaults; numbers clamped where the README says so", () => {
    const read = readConfig({ PORT: "", RATE_LIMIT_SCALE: "0.5", BCRYPT_COST: "20", PAGE_CACHE: "0" });
    assert.ok(read.ok);
    assert.equal(read.config.port, 3000);
    assert.equal(read.config.rateLimitScale, 1);
    assert.equal(read.config.bcryptCost, 14);
    assert.equal(read.config.pageCache, false);
    assert.equal(read.config.mailSender, true);
    assert.equal(read.config.appUrl, undefined);
  });

  test("a value that cannot be meant is refused, each with its own message", () => {
    const read = readConfig({
      PORT: "eighty",
      APP_URL: "https://dinner.example/path",
      SMTP_URL: "mail.example:25",
      TRUST_PROXY: "yes",
      CORS_ORIGINS: "https://ok.example",
    });
    assert.equal(read.ok, false);
    assert.deepEqual(!read.ok && read.problems, [
      'PORT must be a whole number, not "eighty"',
      "TRUST_PROXY must be 1 (or unset)",
      "APP_URL must be a scheme and a host, like https://dinner.example",
      "SMTP_URL must start with smtp:// or smtps://",
    ]);
    assert.deepEqual(readConfig({ CORS_ORIGINS: "https://a.example, nope" }), {
      ok: false,
      problems: ['CORS_ORIGINS: "nope" is not an origin'],
    });
  });

  test("a production server does not start without AUTH_SECRET; a build or a test may", () => {
    assert.deepEqual(startupProblems({ NODE_ENV: "production" }), [
      "AUTH_SECRET must be set in production (npm start makes one into .env.local)",
    ]);
    assert.deepEqual(startupProblems({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }), []);
    assert.deepEqual(startupProblems({ NODE_ENV: "test" }), []);
    assert.ok(readConfig({ NODE_ENV: "production" }).ok);
  });
});

describe("the site's origin", () => {
  test("APP_URL, without a trailing slash", () => {
    const read = readConfig({ APP_URL: "https://dinner.example/", PORT: "4000" });
    assert.ok(read.ok);
    assert.equal(defaultOrigin(read.config), "https://dinner.example");
  });

  test("the start-up log names it, and says where mail links point while APP_URL is unset", () => {
    assert.deepEqual(readyLines({ appUrl: "https://dinner.example", port: 3000 }), ["Ready on https://dinner.example"]);
    const [ready, hint] = readyLines({ port: 3100 });
    assert.equal(ready, "Ready on http://localhost:3100");
    assert.match(hint ?? "", /^APP_URL is not set: links in mail point to http:\/\/localhost:3100\./);
  });

  test("else http://localhost:{PORT}, as the start-up log and every mail say", () => {
    assert.equal(defaultOrigin({ port: 3000 }), "http://localhost:3000");
    assert.equal(defaultOrigin({ port: 3100 }), "http://localhost:3100");
  });
});
