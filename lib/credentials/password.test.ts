import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hashCost, hashPassword, verifyPassword } from "./password";
import { readConfig } from "@/server/shared.mjs";

describe("password hashing", () => {
  it("hashes with bcrypt at the configured cost (10 by default) and verifies", async () => {
    const hash = await hashPassword("a quiet dinner for six");
    assert.match(hash, /^\$2[aby]\$10\$/);
    assert.equal(hashCost(hash), 10);
    assert.equal(await verifyPassword("a quiet dinner for six", hash), true);
    assert.equal(await verifyPassword("a quiet dinner for seven", hash), false);
  });

  it("never lets bcrypt's 72-byte limit cut a password short", async () => {
    const long = "x".repeat(72) + "the part bcrypt would ignore";
    const hash = await hashPassword(long);
    assert.equal(await verifyPassword("x".repeat(72), hash), false);
    assert.equal(await verifyPassword("x".repeat(72) + "another ending entirely", hash), false);
    assert.equal(await verifyPassword(long, hash), true);
  });

  it("treats multi-byte characters past byte 72 as significant", async () => {
    const base = "🍝".repeat(18); // 72 bytes
    const hash = await hashPassword(base + "🍷");
    assert.equal(await verifyPassword(base + "🍺", hash), false);
    assert.equal(await verifyPassword(base + "🍷", hash), true);
  });

  it("normalises Unicode, so the same passphrase typed differently matches", async () => {
    const composed = "caf\u00e9 au lait for two";
    const decomposed = "cafe\u0301 au lait for two";
    const hash = await hashPassword(composed);
    assert.equal(await verifyPassword(decomposed, hash), true);
  });

  it("reads BCRYPT_COST, never below 10 nor above 14", async () => {
    const cost = (BCRYPT_COST?: string) => {
      const read = readConfig({ BCRYPT_COST });
      return read.ok ? read.config.bcryptCost : read.problems;
    };
    assert.equal(cost(undefined), 10);
    assert.equal(cost(""), 10);
    assert.equal(cost("12"), 12);
    assert.equal(cost("4"), 10);
    assert.equal(cost("31"), 14);
    // Not a number: the server refuses to start, saying so.
    assert.deepEqual(cost("nonsense"), ['BCRYPT_COST must be a number, not "nonsense"']);
    assert.equal(hashCost(await hashPassword("a quiet dinner for six", 11)), 11);
  });
});
