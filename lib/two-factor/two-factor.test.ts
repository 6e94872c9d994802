// Two-factor sign-in on the database the run uses: turning it on and off,
// the login it changes (checkCredentials, the one place a login is decided),
// the second step, recovery codes, replay and throttling.
import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { checkCredentials, checkLoginStep } from "@/lib/auth/credentials";
import { createSession } from "@/lib/sessions/mutations";
import { hashPassword } from "@/lib/credentials/password";
import { decryptSecret, encryptSecret, newTotpSecret, totpCode } from "./codes";
import { listAccountEvents, recoveryCodesLeft, twoFactorEnabled } from "./data";
import { disableTwoFactor, enableTwoFactor, LOGIN_STEP_MS, renewRecoveryCodes, startLoginStep } from "./mutations";

const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function account() {
  const id = randomBytes(5).toString("hex");
  const u = { username: `tf_${id}`, email: `tf.${id}@example.test`, password: `quince jam ${id} on toast` };
  const row = await db.user.create({
    data: { username: u.username, email: u.email, passwordHash: await hashPassword(u.password) },
    select: { id: true },
  });
  return { ...u, id: row.id };
}

/** An account with two-factor on: its secret and recovery codes. The code used to turn it on is the current step's. */
async function withTwoFactor() {
  const u = await account();
  const secret = newTotpSecret();
  const result = await enableTwoFactor(u.id, encryptSecret(secret), totpCode(secret), null);
  assert.equal(result.status, "ok");
  return { ...u, secret, codes: (result as { codes: string[] }).codes };
}

/** A code of the next step: the one the enrolment used is spent. */
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

describe("turning it on", () => {
  it("saves nothing for a wrong code or a set-up that is not ours", async () => {
    const u = await account();
    const secret = newTotpSecret();
    assert.deepEqual(await enableTwoFactor(u.id, encryptSecret(secret), "000000", null), { status: "incorrect" });
    assert.deepEqual(await enableTwoFactor(u.id, "v1.forged.setup.value", totpCode(secret), null), {
      status: "invalid_setup",
    });
    assert.equal(await twoFactorEnabled(u.id), false);
    assert.equal(await db.recoveryCode.count({ where: { userId: u.id } }), 0);
  });

  it("stores the secret encrypted, ten hashed recovery codes, the event, and ends the other sessions", async () => {
    const u = await account();
    const kept = await createSession(u.id, { persistent: false });
    await createSession(u.id, { persistent: false });
    const secret = newTotpSecret();
    const result = await enableTwoFactor(u.id, encryptSecret(secret), totpCode(secret), kept.token);
    assert.equal(result.status, "ok");
    const codes = (result as { codes: string[] }).codes;
    assert.equal(codes.length, 10);
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { twoFactorSecret: true } });
    assert.ok(row.twoFactorSecret && !row.twoFactorSecret.includes(secret));
    assert.equal(decryptSecret(row.twoFactorSecret), secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: u.id }, select: { codeHash: true } });
    assert.equal(stored.length, 10);
    for (const c of codes) assert.ok(!stored.some((s) => s.codeHash.includes(c)));
    assert.equal(await db.session.count({ where: { userId: u.id } }), 1);
    assert.deepEqual(
      (await listAccountEvents(u.id)).map((e) => e.kind),
      ["two-factor-on"],
    );
    assert.deepEqual(await enableTwoFactor(u.id, encryptSecret(secret), nextCode(secret), null), {
      status: "already_on",
    });
  });
});

describe("logging in with it on", () => {
  it("the password alone: code required; a wrong code: incorrect; the right one: in, once", async () => {
    const u = await withTwoFactor();
    const login = (code?: string) => checkCredentials({ email: u.email, password: u.password, ip: ip(), code });
    assert.equal((await login()).status, "two_factor_required");
    assert.deepEqual(await login("123456"), { status: "incorrect_code" });
    assert.equal(
      (await checkCredentials({ email: u.email, password: "wrong", ip: ip(), code: nextCode(u.secret) })).status,
      "invalid",
    );
    const code = nextCode(u.secret);
    const ok = await login(code);
    assert.equal(ok.status, "ok");
    assert.equal((ok as { recoveryCodeUsed?: boolean }).recoveryCodeUsed, false);
    // The same code again, and the one the enrolment used (still on screen
    // right after turning it on): refused, and told apart from a wrong one.
    assert.deepEqual(await login(code), { status: "used_code" });
    assert.deepEqual(await login(totpCode(u.secret)), { status: "used_code" });
  });

  it("the same code sent twice at once passes once", async () => {
    const u = await withTwoFactor();
    const code = nextCode(u.secret);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => checkCredentials({ email: u.email, password: u.password, ip: ip(), code })),
    );
    assert.equal(results.filter((r) => r.status === "ok").length, 1);
    assert.equal(results.filter((r) => r.status === "used_code").length, 5);
  });

  it("a recovery code works once, whatever its case, and is recorded", async () => {
    const u = await withTwoFactor();
    const code = u.codes[3]!;
    const login = (c: string) => checkCredentials({ email: u.email, password: u.password, ip: ip(), code: c });
    const ok = await login(code.toUpperCase().replace(/-/g, " "));
    assert.equal(ok.status, "ok");
    assert.equal((ok as { recoveryCodeUsed?: boolean }).recoveryCodeUsed, true);
    assert.deepEqual(await login(code), { status: "incorrect_code" });
    assert.equal(await recoveryCodesLeft(u.id), 9);
    assert.equal((await listAccountEvents(u.id))[0]?.kind, "recovery-code-used");
  });

  it("with the secret unreadable (AUTH_SECRET changed), recovery codes still log in; app codes do not", async () => {
    const u = await withTwoFactor();
    await db.user.update({
      where: { id: u.id },
      data: { twoFactorSecret: encryptSecret(u.secret, "another-auth-secret-entirely-0123456789") },
    });
    const login = (c: string) => checkCredentials({ email: u.email, password: u.password, ip: ip(), code: c });
    assert.deepEqual(await login(nextCode(u.secret)), { status: "incorrect_code" });
    assert.equal((await login(u.codes[0]!)).status, "ok");
  });

  it("ten wrong codes in a row for an account: throttled, even from other addresses, even the right code", async () => {
    const u = await withTwoFactor();
    for (let i = 0; i < 10; i++)
      assert.equal(
        (await checkCredentials({ email: u.email, password: u.password, ip: ip(), code: "000000" })).status,
        "incorrect_code",
      );
    const after = await checkCredentials({ email: u.email, password: u.password, ip: ip(), code: nextCode(u.secret) });
    assert.equal(after.status, "throttled");
  });

  it("accounts without it log in as before, whatever code comes along", async () => {
    const u = await account();
    assert.equal((await checkCredentials({ email: u.email, password: u.password, ip: ip() })).status, "ok");
    assert.equal((await checkCredentials({ email: u.email, password: u.password, ip: ip(), code: "1" })).status, "ok");
  });
});

describe("the second step", () => {
  it("finishes the login of its own account once, with its Remember me", async () => {
    const u = await withTwoFactor();
    const token = await startLoginStep(u.id, true);
    assert.deepEqual(await checkLoginStep({ token, code: "000000", ip: ip() }), { status: "incorrect_code" });
    const ok = await checkLoginStep({ token, code: nextCode(u.secret), ip: ip() });
    assert.equal(ok.status, "ok");
    assert.equal((ok as { user: { id: string } }).user.id, u.id);
    assert.equal(ok.remember, true);
    assert.deepEqual(await checkLoginStep({ token, code: u.codes[0]!, ip: ip() }), { status: "expired" });
  });

  it("is bound to its account: another account's codes do not finish it", async () => {
    const [ana, bo] = [await withTwoFactor(), await withTwoFactor()];
    const token = await startLoginStep(ana.id, false);
    assert.deepEqual(await checkLoginStep({ token, code: nextCode(bo.secret), ip: ip() }), {
      status: "incorrect_code",
    });
    assert.deepEqual(await checkLoginStep({ token, code: bo.codes[0]!, ip: ip() }), { status: "incorrect_code" });
    assert.equal(await recoveryCodesLeft(bo.id), 10);
  });

  it("expires after five minutes, and a made-up token is no step", async () => {
    const u = await withTwoFactor();
    const token = await startLoginStep(u.id, false, Date.now() - LOGIN_STEP_MS - 1000);
    assert.deepEqual(await checkLoginStep({ token, code: nextCode(u.secret), ip: ip() }), { status: "expired" });
    assert.deepEqual(await checkLoginStep({ token: "made-up", code: nextCode(u.secret), ip: ip() }), {
      status: "expired",
    });
  });
});

describe("turning it off, and new recovery codes", () => {
  it("off needs the password and a code; then the password alone logs in again", async () => {
    const u = await withTwoFactor();
    const kept = await createSession(u.id, { persistent: false });
    await createSession(u.id, { persistent: false });
    assert.deepEqual(await disableTwoFactor(u.id, { password: "wrong", code: nextCode(u.secret) }, ip(), null), {
      status: "wrong_password",
    });
    assert.deepEqual(await disableTwoFactor(u.id, { password: u.password, code: "000000" }, ip(), null), {
      status: "incorrect",
    });
    assert.deepEqual(
      await disableTwoFactor(u.id, { password: u.password, code: nextCode(u.secret) }, ip(), kept.token),
      { status: "ok" },
    );
    assert.equal(await twoFactorEnabled(u.id), false);
    assert.equal(await db.recoveryCode.count({ where: { userId: u.id } }), 0);
    assert.equal(await db.session.count({ where: { userId: u.id } }), 1);
    assert.equal((await checkCredentials({ email: u.email, password: u.password, ip: ip() })).status, "ok");
    assert.deepEqual(
      (await listAccountEvents(u.id)).map((e) => e.kind),
      ["two-factor-off", "two-factor-on"],
    );
  });

  it("new recovery codes replace all the old ones", async () => {
    const u = await withTwoFactor();
    const renewed = await renewRecoveryCodes(u.id, nextCode(u.secret), ip());
    assert.equal(renewed.status, "ok");
    const fresh = (renewed as { codes: string[] }).codes;
    assert.equal(fresh.length, 10);
    const login = (c: string) => checkCredentials({ email: u.email, password: u.password, ip: ip(), code: c });
    assert.deepEqual(await login(u.codes[0]!), { status: "incorrect_code" });
    assert.equal((await login(fresh[0]!)).status, "ok");
  });
});
