import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loginSchema } from "./schema";

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("login schema", () => {
  it("lower-cases the email and reads Remember me from JSON or a form", () => {
    assert.deepEqual(loginSchema.parse({ email: " Bob@X.Test ", password: "p", remember: true }), {
      email: "bob@x.test",
      password: "p",
      remember: true,
    });
    assert.equal(loginSchema.parse({ email: "b@x.test", password: "p", remember: "on" }).remember, true);
    assert.equal(loginSchema.parse({ email: "b@x.test", password: "p" }).remember, false);
  });

  it("refuses a Remember me that is neither boolean nor a checkbox value", () => {
    assert.equal(loginSchema.safeParse({ email: "b@x.test", password: "p", remember: "yes" }).success, false);
    assert.equal(loginSchema.safeParse({ email: "b@x.test", password: "p", remember: 1 }).success, false);
  });

  it("needs both fields", () => {
    const errors = errorsOf(loginSchema.safeParse({}));
    assert.ok(errors.email && errors.password);
  });
});
