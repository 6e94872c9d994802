import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { configuredOrigin, DEFAULT_LOCALE, defaultOrigin, newNonce, nonceIn, resolveLocale } from "./shared.mjs";

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

describe("the site's origin", () => {
  test("APP_URL when it is a plain origin, without a trailing slash", () => {
    assert.equal(defaultOrigin({ APP_URL: "https://dinner.example/", PORT: "4000" }), "https://dinner.example");
    assert.equal(configuredOrigin({ APP_URL: " http://10.0.0.5:3000 " }), "http://10.0.0.5:3000");
  });

  test("else http://localhost:{PORT}, as the start-up log and every mail say", () => {
    assert.equal(defaultOrigin({}), "http://localhost:3000");
    assert.equal(defaultOrigin({ PORT: "3100" }), "http://localhost:3100");
    for (const bad of ["dinner.example", "https://dinner.example/path", "ftp://dinner.example", "https://"]) {
      assert.equal(configuredOrigin({ APP_URL: bad }), null, bad);
      assert.equal(defaultOrigin({ APP_URL: bad, PORT: "3100" }), "http://localhost:3100", bad);
    }
  });
});
