// "Confirm your email" below the pages: the mail queued with the account, the
// link, "Send the link again" — on the database of the run.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { createSession } from "@/lib/sessions/mutations";
import { hashToken } from "@/lib/sessions/session-token";
import { db } from "@/lib/db";
import { emailConfirmed } from "./data";
import {
  changeEmail,
  CONFIRM_LINK_MS,
  confirmEmail,
  registerUser,
  requestPasswordReset,
  resendConfirmation,
  resetPassword,
} from "./mutations";

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

  it("once confirmed, kills the reset links mailed to the old address and ends the account's other sessions", async () => {
    const user = await register();
    const [own] = await links(user.email);
    const here = await createSession(user.id, { persistent: false });
    await createSession(user.id, { persistent: true }); // another browser
    // Confirming one's own address changes nothing of that.
    assert.deepEqual(await confirmEmail(own!, new Date(), here.token), { status: "ok" });
    assert.equal(await db.session.count({ where: { userId: user.id } }), 2);

    assert.deepEqual(await requestPasswordReset(user.email, "10.7.0.1"), { status: "queued" });
    const reset = await db.outboxMail.findFirstOrThrow({ where: { to: user.email, kind: "password-reset" } });
    const resetToken = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(reset.text)![1]!;
    const newEmail = `moved.${randomBytes(5).toString("hex")}@example.test`;
    assert.deepEqual(await changeEmail(user, { newEmail, emailPassword: PASSWORD(user) }), { status: "ok" });
    // Until the new address is confirmed, the old one still owns the account.
    assert.equal(await db.passwordResetToken.count({ where: { userId: user.id } }), 1);
    const [change] = await links(newEmail);
    assert.deepEqual(await confirmEmail(change!, new Date(), here.token), { status: "ok" });

    assert.deepEqual(await resetPassword(resetToken, "a brand new passphrase for the cellar"), {
      status: "invalid_link",
    });
    const left = await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } });
    assert.deepEqual(
      left.map((s) => s.sessionToken),
      [hashToken(here.token)],
      "the confirming browser stays; the others end",
    );
  });
});
