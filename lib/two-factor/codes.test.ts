// The two-factor codes with a fixed clock: RFC 6238's window edges, replay,
// the secret's encryption, recovery codes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkTotp,
  decryptSecret,
  encryptSecret,
  groupedSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  stepAt,
  totpCode,
} from "./codes";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8 digits; its last 6 here.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const T0 = 1_111_111_109_000; // 2005-03-18 01:58:29 UTC, step 37037036

describe("TOTP (RFC 6238: SHA-1, 30 s, 6 digits, ±1 step)", () => {
  it("gives the RFC's codes", () => {
    assert.equal(totpCode(RFC_SECRET, 59_000), "287082");
    assert.equal(totpCode(RFC_SECRET, T0), "081804");
    assert.equal(totpCode(RFC_SECRET, 1_234_567_890_000), "005924");
  });

  it("takes the code of the step before and after, not two away", () => {
    const now = T0;
    for (const [offset, ok] of [
      [-60_000, false],
      [-30_000, true],
      [0, true],
      [30_000, true],
      [60_000, false],
    ] as const) {
      const step = checkTotp(RFC_SECRET, totpCode(RFC_SECRET, now + offset), null, now);
      assert.equal(step !== null, ok, `offset ${offset / 1000} s`);
      if (ok) assert.equal(step, stepAt(now + offset));
    }
  });

  it("refuses a code once used, and any older one (replay)", () => {
    const code = totpCode(RFC_SECRET, T0);
    const step = checkTotp(RFC_SECRET, code, null, T0);
    assert.equal(step, stepAt(T0));
    // Right, but its step is spent: told apart from a wrong code.
    assert.equal(checkTotp(RFC_SECRET, code, step, T0), "used");
    assert.equal(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, T0 - 30_000), step, T0), "used");
    assert.equal(checkTotp(RFC_SECRET, "000000", step, T0), null);
    assert.equal(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, T0 + 30_000), step, T0), step! + 1);
  });

  it("refuses what is not six digits, and ignores spaces", () => {
    const code = totpCode(RFC_SECRET, T0);
    assert.equal(checkTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, null, T0), stepAt(T0));
    for (const bad of ["", "12345", "1234567", "abcdef", "٠٨١٨٠٤", `${code}\n1`])
      assert.equal(checkTotp(RFC_SECRET, bad, null, T0), null, JSON.stringify(bad));
  });

  it("makes 160-bit secrets and the URI an authenticator app reads", () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(secret, newTotpSecret());
    const uri = new URL(otpauthUri(secret, "ana"));
    assert.equal(uri.protocol, "otpauth:");
    assert.equal(uri.searchParams.get("secret"), secret);
    assert.equal(uri.searchParams.get("issuer"), "DinnerParty");
    assert.equal(uri.searchParams.get("digits"), "6");
    assert.equal(uri.searchParams.get("period"), "30");
    assert.equal(groupedSecret("ABCDEFGHIJ"), "ABCD EFGH IJ");
  });
});

describe("the secret at rest", () => {
  const key = "a-test-auth-secret-of-enough-length-0123456789";

  it("round-trips, never the same ciphertext twice, and never the secret in the clear", () => {
    const secret = newTotpSecret();
    const [a, b] = [encryptSecret(secret, key), encryptSecret(secret, key)];
    assert.notEqual(a, b);
    assert.ok(!a.includes(secret));
    assert.equal(decryptSecret(a, key), secret);
  });

  it("reads nothing under another key, tampered, or malformed", () => {
    const stored = encryptSecret(newTotpSecret(), key);
    assert.equal(decryptSecret(stored, `${key}x`), null);
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[2]!, "base64url");
    flipped[0]! ^= 1;
    assert.equal(decryptSecret([parts[0], parts[1], flipped.toString("base64url"), parts[3]].join("."), key), null);
    for (const bad of ["", "v1", "v2.a.b.c", `${stored}.x`, "v1...."]) assert.equal(decryptSecret(bad, key), null);
    assert.throws(() => encryptSecret("x", ""), /AUTH_SECRET/);
  });
});

describe("recovery codes", () => {
  it("ten distinct codes, read back whatever the case, spaces or dashes", () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) {
      assert.match(c, /^[2-9a-hj-km-np-z]{4}-[2-9a-hj-km-np-z]{4}-[2-9a-hj-km-np-z]{4}$/);
      assert.equal(normalizeRecoveryCode(` ${c.toUpperCase().replace(/-/g, " ")} `), c);
    }
    for (const bad of ["", "abcd-efgh", "abcd-efgh-ijkl", "0000-0000-0000", "abcd-efgh-jkmnp"])
      assert.equal(normalizeRecoveryCode(bad), null, bad);
  });

  it("are stored as hashes that name one code", () => {
    const [a, b] = newRecoveryCodes(2) as [string, string];
    assert.match(hashRecoveryCode(a), /^[0-9a-f]{64}$/);
    assert.notEqual(hashRecoveryCode(a), hashRecoveryCode(b));
    assert.equal(hashRecoveryCode(a), hashRecoveryCode(normalizeRecoveryCode(a.toUpperCase())!));
  });
});
