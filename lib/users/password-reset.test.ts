// "Forgot your password?" end to end below the pages: the request, the mail
// in the outbox, the link, the new password — on the database of the run.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { beforeEach, describe, it } from "node:test";
import { createSession } from "@/lib/sessions/mutations";
import { verifyPassword } from "@/lib/credentials/password";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/parties/test-helpers";
import { resetLinkWorks } from "./data";
import { requestPasswordReset, resetPassword, RESET_LINK_MS, RESET_REQUEST_FLOOR_MS } from "./mutations";

const NEW_PASSWORD = "copper kettle above the garden gate";
const ip = () => `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]! % 250}`;

async function person() {
  const user = await makeUser("reset");
  const { email } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  return { ...user, email };
}

/** The link of the newest reset mail to `email`. */
async function linkFor(email: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({
    where: { to: email, kind: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  assert.ok(token, mail.text);
  assert.ok(mail.html.includes(`/reset-password/${token}`));
  return token;
}

beforeEach(async () => {
  await db.outboxMail.deleteMany({});
});

describe("password reset", () => {
  it("queues a mail with a single-use link for an account, and nothing for an unknown address", async () => {
    const user = await person();
    assert.deepEqual(await requestPasswordReset(user.email, ip()), { status: "queued" });
    assert.deepEqual(await requestPasswordReset(`nobody.${randomBytes(4).toString("hex")}@example.test`, ip()), {
      status: "queued",
    });
    assert.equal(await db.outboxMail.count(), 1, "one mail, to the account only");
    const token = await linkFor(user.email);
    assert.ok(Buffer.from(token, "base64url").length >= 16, "at least 128 bits");
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.tokenHash, token, "only a hash is stored");
    assert.equal(await db.passwordResetToken.count({ where: { tokenHash: token } }), 0);
  });

  it("takes at least the same floor of time whether or not the address has an account", async () => {
    // The lower bound holds on any machine; that the two times are alike is
    // measured on a quiet one (e2e/timing.spec.ts, the full tier).
    const user = await person();
    for (const email of [user.email, `nobody.${randomBytes(4).toString("hex")}@example.test`]) {
      const started = performance.now();
      assert.deepEqual(await requestPasswordReset(email, ip()), { status: "queued" });
      // A timer may fire a few ms early: Node starts it from the event loop's
      // cached clock, which lags while a busy tick runs.
      assert.ok(performance.now() - started >= RESET_REQUEST_FLOOR_MS - 10, email);
    }
  });

  it("sets the new password, ends every session, spends the link and kills the account's other links", async () => {
    const user = await person();
    await createSession(user.id, { persistent: true });
    await createSession(user.id, { persistent: false });
    await requestPasswordReset(user.email, ip());
    const older = await linkFor(user.email);
    await requestPasswordReset(user.email, ip());
    const token = await linkFor(user.email);
    assert.notEqual(token, older);
    assert.equal(await resetLinkWorks(token), true);
    assert.deepEqual(await resetPassword(token, NEW_PASSWORD), { status: "ok" });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.equal(await verifyPassword(NEW_PASSWORD, passwordHash), true);
    assert.equal(await db.session.count({ where: { userId: user.id } }), 0, "every session ended");
    assert.deepEqual(await resetPassword(token, "another long password for the test"), { status: "invalid_link" });
    assert.deepEqual(await resetPassword(older, "another long password for the test"), { status: "invalid_link" });
    assert.equal(await resetLinkWorks(token), false);
  });

  it("refuses an expired link, a made-up one, and a common password (keeping the link)", async () => {
    const user = await person();
    await requestPasswordReset(user.email, ip());
    const token = await linkFor(user.email);
    const later = new Date(Date.now() + RESET_LINK_MS + 1000);
    assert.deepEqual(await resetPassword(token, NEW_PASSWORD, later), { status: "invalid_link" });
    assert.equal(await resetLinkWorks(token, later), false);
    for (const wrong of ["", "nope", token.slice(0, -1), "A".repeat(500)])
      assert.deepEqual(await resetPassword(wrong, NEW_PASSWORD), { status: "invalid_link" });
    const common = await resetPassword(token, "passwordpassword");
    assert.equal(common.status, "invalid");
    assert.equal(await resetLinkWorks(token), true, "a refused password does not spend the link");
  });

  it("works once even when the link is used twice at the same moment", async () => {
    const user = await person();
    await requestPasswordReset(user.email, ip());
    const token = await linkFor(user.email);
    const results = await Promise.all([
      resetPassword(token, NEW_PASSWORD),
      resetPassword(token, "a second long password at once"),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ["invalid_link", "ok"]);
  });

  it("mails an address 3 links an hour, then answers as usual and sends nothing; the links sent still work", async () => {
    const user = await person();
    for (const email of [user.email, `ghost.${randomBytes(4).toString("hex")}@example.test`]) {
      for (let i = 0; i < 5; i++) assert.equal((await requestPasswordReset(email, ip())).status, "queued");
    }
    const mails = await db.outboxMail.findMany({ where: { kind: "password-reset" } });
    assert.deepEqual(
      mails.map((m) => m.to),
      [user.email, user.email, user.email],
      "three links, to the account only",
    );
    assert.deepEqual(await resetPassword(await linkFor(user.email), NEW_PASSWORD), { status: "ok" });
  });

  it("is throttled per IP (10 an hour), with a time to wait", async () => {
    const from = ip();
    for (let i = 0; i < 10; i++)
      assert.equal(
        (await requestPasswordReset(`n${i}.${randomBytes(3).toString("hex")}@example.test`, from)).status,
        "queued",
      );
    const last = await requestPasswordReset(`last.${randomBytes(3).toString("hex")}@example.test`, from);
    assert.equal(last.status, "throttled");
    assert.ok(last.status === "throttled" && last.retryAfter > 0);
  });
});
