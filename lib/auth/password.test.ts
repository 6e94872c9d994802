import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hashCost, hashPassword, verifyPassword } from "./password";
import { readEnv } from "@/lib/env";

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
    assert.equal(readEnv({}).bcryptCost, 10);
    assert.equal(readEnv({ BCRYPT_COST: "12" }).bcryptCost, 12);
    assert.equal(readEnv({ BCRYPT_COST: "4" }).bcryptCost, 10);
    assert.equal(readEnv({ BCRYPT_COST: "31" }).bcryptCost, 14);
    assert.equal(readEnv({ BCRYPT_COST: "nonsense" }).bcryptCost, 10);
    assert.equal(hashCost(await hashPassword("a quiet dinner for six", 11)), 11);
  });
});
