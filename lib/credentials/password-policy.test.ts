import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dictionary } from "@zxcvbn-ts/language-common";
import { isCommonPassword } from "./password-policy";

describe("isCommonPassword", () => {
  it("refuses every one of the 10,000 most common passwords, in any case", () => {
    const top = (dictionary["passwords-common"] as string[]).slice(0, 10_000);
    assert.equal(top.length, 10_000);
    for (const p of top) assert.equal(isCommonPassword(p), true, p);
    assert.equal(isCommonPassword("PASSWORD"), true);
  });

  it("refuses long entries of the list, which pass the length rule", () => {
    const long = (dictionary["passwords-common"] as string[]).filter((p) => p.length >= 15);
    assert.ok(long.length > 0);
    for (const p of long) assert.equal(isCommonPassword(p), true, p);
  });

  for (const p of [
    "aaaaaaaaaaaaaaa",
    "passwordpassword",
    "abcabcabcabcabcabc",
    "qwertyqwertyqwerty",
    "🍕🍕🍕🍕🍕🍕🍕🍕🍕🍕🍕🍕🍕🍕🍕",
  ]) {
    it(`refuses the repetition ${p}`, () => assert.equal(isCommonPassword(p), true));
  }

  for (const p of [
    "abcdefghijklmnop",
    "1234567890123456",
    "123456789012345",
    "qwertyuiopasdfgh",
    "zyxwvutsrqponmlk",
    "9876543210987654",
  ]) {
    it(`refuses the run ${p}`, () => assert.equal(isCommonPassword(p), true));
  }

  it("refuses the username or email as the password", () => {
    assert.equal(isCommonPassword("gastronomer_4242", ["gastronomer_4242"]), true);
    assert.equal(isCommonPassword("gastronomer_4242gastronomer_4242", ["gastronomer_4242"]), true);
  });

  for (const p of [
    "correct horse battery staple",
    "plum tart by the window",
    "a quiet dinner for six",
    "🍝 with 12 friends at home",
  ]) {
    it(`accepts the passphrase ${p}`, () => assert.equal(isCommonPassword(p, ["alice", "alice@example.com"]), false));
  }
});
