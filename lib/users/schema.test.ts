import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { registerApiSchema, registerFormSchema } from "./schema";

const valid = { username: "alice_b-2", email: "Alice@Example.COM", password: "a quiet dinner for six" };

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("registration schema", () => {
  it("accepts a valid account and normalises username and email to lower case", () => {
    const parsed = registerApiSchema.parse({ ...valid, username: "  Alice_B-2 " });
    assert.equal(parsed.username, "alice_b-2");
    assert.equal(parsed.email, "alice@example.com");
    assert.equal(parsed.password, valid.password, "the password is never altered");
  });

  for (const username of ["ab", "a".repeat(33), "has space", "dot.ted", "émile", "semi;colon", ""]) {
    it(`refuses the username ${JSON.stringify(username)}`, () => {
      const result = registerApiSchema.safeParse({ ...valid, username });
      assert.equal(result.success, false);
      assert.ok(errorsOf(result).username);
    });
  }

  for (const username of ["abc", "a".repeat(32), "under_score", "da-sh", "123"]) {
    it(`accepts the username ${JSON.stringify(username)}`, () => {
      assert.equal(registerApiSchema.safeParse({ ...valid, username }).success, true);
    });
  }

  for (const email of ["plain", "a@", "@b.test", "a b@c.test", `${"x".repeat(250)}@b.test`]) {
    it(`refuses the email ${JSON.stringify(email)}`, () => {
      assert.ok(errorsOf(registerApiSchema.safeParse({ ...valid, email })).email);
    });
  }

  it("counts password length in characters (code points), minimum 15", () => {
    assert.ok(errorsOf(registerApiSchema.safeParse({ ...valid, password: "x".repeat(14) })).password);
    assert.equal(registerApiSchema.safeParse({ ...valid, password: "x".repeat(15) }).success, true);
    // 14 emoji are 28 UTF-16 units but 14 characters: too short.
    assert.ok(errorsOf(registerApiSchema.safeParse({ ...valid, password: "🍝".repeat(14) })).password);
    assert.equal(registerApiSchema.safeParse({ ...valid, password: "🍝".repeat(15) }).success, true);
  });

  it("has no composition rules: letters only or spaces are fine", () => {
    assert.equal(registerApiSchema.safeParse({ ...valid, password: "lowercase only words" }).success, true);
  });

  it("caps the password at 256 characters", () => {
    assert.equal(registerApiSchema.safeParse({ ...valid, password: "y".repeat(256) }).success, true);
    assert.ok(errorsOf(registerApiSchema.safeParse({ ...valid, password: "y".repeat(257) })).password);
  });

  it("refuses wrong types instead of coercing them", () => {
    const result = registerApiSchema.safeParse({ username: 123, email: ["a@b.test"], password: { x: 1 } });
    const errors = errorsOf(result);
    assert.ok(errors.username && errors.email && errors.password);
  });

  it("refuses a filled-in honeypot", () => {
    assert.ok(errorsOf(registerApiSchema.safeParse({ ...valid, website: "http://spam" })).website);
    assert.equal(registerApiSchema.safeParse({ ...valid, website: "" }).success, true);
  });

  it("the form also needs the repeated password to match", () => {
    const mismatch = registerFormSchema.safeParse({ ...valid, repeatPassword: "something else entirely" });
    assert.equal(errorsOf(mismatch).repeatPassword, "Passwords do not match.");
    assert.equal(registerFormSchema.safeParse({ ...valid, repeatPassword: valid.password }).success, true);
  });
});
