// "Confirm your email" below the pages: the mail queued with the account, the
// link, "Send the link again" — on the database of the run.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { emailConfirmed } from "./data";
import { changeEmail, CONFIRM_LINK_MS, confirmEmail, registerUser, resendConfirmation } from "./mutations";

/** Every test account's password follows from its name. */
const PASSWORD = (user: { username: string }) => `walnut bread ${user.username.slice(5)} on sunday`;

async function register() {
  const id = randomBytes(5).toString("hex");
  const result = await registerUser(
    { username: `conf_${id}`, email: `conf.${id}@example.test`, password: PASSWORD({ username: `conf_${id}` }) },
    `10.8.${randomBytes(1)[0]}.${(randomBytes(1)[0]! % 250) + 1}`,
  );
  assert.equal(result.status, "created");
  return (result as Extract<typeof result, { status: "created" }>).user;
}

async function links(email: string): Promise<string[]> {
  const mails = await db.outboxMail.findMany({
    where: { to: email, kind: "confirm-email" },
    orderBy: { createdAt: "asc" },
  });
  return mails.map((m) => /\/verify-email\/([A-Za-z0-9_-]+)/.exec(m.text)![1]!);
}

describe("email confirmation", () => {
  it("a new account gets its link with it; the link confirms once", async () => {
    const user = await register();
    const [token] = await links(user.email);
    assert.ok(token);
    assert.equal(await emailConfirmed(user.id), false, "working but unconfirmed");
    assert.equal(await db.emailConfirmation.count({ where: { tokenHash: token } }), 0, "only a hash is stored");
    assert.deepEqual(await confirmEmail(token), { status: "ok" });
    assert.equal(await emailConfirmed(user.id), true);
    assert.deepEqual(await confirmEmail(token), { status: "invalid_link" });
  });

  it("refuses an expired or made-up link", async () => {
    const user = await register();
    const [token] = await links(user.email);
    assert.deepEqual(await confirmEmail(token!, new Date(Date.now() + CONFIRM_LINK_MS + 1000)), {
      status: "invalid_link",
    });
    for (const wrong of ["", "x", token!.slice(1), "A".repeat(300)])
      assert.deepEqual(await confirmEmail(wrong), { status: "invalid_link" });
    assert.equal(await emailConfirmed(user.id), false);
  });

  it("sends the link again (3 an hour), not once the address is confirmed", async () => {
    const user = await register();
    assert.deepEqual(await resendConfirmation(user.id), { status: "sent" });
    const [first, second] = await links(user.email);
    assert.ok(first && second && first !== second);
    assert.deepEqual(await confirmEmail(second), { status: "ok" });
    assert.deepEqual(await confirmEmail(first), { status: "invalid_link" }, "the other links die with it");
    assert.deepEqual(await resendConfirmation(user.id), { status: "already" });
    const other = await register();
    for (let i = 0; i < 3; i++) assert.notEqual((await resendConfirmation(other.id)).status, "throttled");
    assert.equal((await resendConfirmation(other.id)).status, "throttled");
  });
});

describe("change email", () => {
  it("needs the password, tells the old address, and takes effect only once the new one is confirmed", async () => {
    const user = await register();
    const id = randomBytes(5).toString("hex");
    const newEmail = `moved.${id}@example.test`;
    const wrong = await changeEmail(user, { newEmail, emailPassword: "not the password at all" });
    assert.equal(wrong.status, "invalid");
    assert.equal((await changeEmail(user, { newEmail: user.email, emailPassword: PASSWORD(user) })).status, "invalid");
    assert.deepEqual(await changeEmail(user, { newEmail, emailPassword: PASSWORD(user) }), { status: "ok" });
    assert.equal(await db.outboxMail.count({ where: { to: user.email, kind: "email-change-notice" } }), 1);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email, user.email, "not yet");
    const [token] = await links(newEmail);
    assert.deepEqual(await confirmEmail(token!), { status: "ok" });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email, newEmail);
    // The registration link of the old address cannot take the account back.
    const [old] = await links(user.email);
    assert.deepEqual(await confirmEmail(old!), { status: "invalid_link" });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email, newEmail);
  });
});
