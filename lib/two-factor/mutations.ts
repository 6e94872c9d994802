import "server-only";
import { db, type Tx } from "@/lib/db";
import { deleteOtherSessions } from "@/lib/sessions/mutations";
import { verifyPassword } from "@/lib/credentials/password";
import { hashToken, newSessionToken } from "@/lib/sessions/session-token";
import { clientSubject, hit, RATE_LIMITS, refund, reset } from "@/lib/rate-limit/mutations";
import {
  checkTotp,
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
} from "./codes";
import { twoFactorEnabled } from "./data";
import type { AccountEventKind } from "./messages";

// Two-factor sign-in (decision 028). The secret is stored encrypted; a TOTP
// code is accepted only for a time step after the last one the account used
// — one conditional write, so the same code sent twice at once passes once;
// a recovery code is spent by one conditional write too. Turning two-factor
// on or off, and logging in with a recovery code, end the other sessions.

/** How long the second step of a login waits for its code. */
export const LOGIN_STEP_MS = 5 * 60_000;

function event(tx: Tx, userId: string, kind: AccountEventKind) {
  return tx.accountEvent.create({ data: { userId, kind }, select: { id: true } });
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

export type CodeCheck =
  | { status: "ok"; recovery: boolean }
  | { status: "incorrect" }
  /** right, but its time step was spent already */
  | { status: "used" }
  | { status: "throttled"; retryAfter: number };

/**
 * Check a second factor — a TOTP code or a recovery code — under the limits:
 * 10 wrong codes a minute per client IP, 10 in a row per account. Like a
 * password, every try is counted first and a right code gives it back.
 */
export async function checkSecondFactor(
  userId: string,
  typed: string,
  ip: string,
  now = new Date(),
): Promise<CodeCheck> {
  const ipKey = `2fa:ip:${clientSubject(ip)}`;
  const accountKey = `2fa:account:${userId}`;
  const limits = await Promise.all([
    hit(ipKey, RATE_LIMITS.twoFactorPerIp),
    hit(accountKey, RATE_LIMITS.twoFactorPerAccount),
  ]);
  if (limits.some((l) => !l.ok)) {
    await Promise.all([refund(ipKey), refund(accountKey)]);
    return { status: "throttled", retryAfter: Math.max(...limits.filter((l) => !l.ok).map((l) => l.retryAfter)) };
  }
  const result = await spendCode(userId, typed, now);
  if (result.status === "ok") await Promise.all([refund(ipKey), reset(accountKey)]);
  return result;
}

/** The code itself, with no throttle: spent if right (a TOTP step or a recovery code, once). */
async function spendCode(userId: string, typed: string, now: Date): Promise<CodeCheck> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { twoFactorSecret: true, twoFactorLastStep: true },
  });
  if (!user?.twoFactorSecret) return { status: "incorrect" };
  // Unreadable after AUTH_SECRET changed: the recovery codes still work.
  const secret = decryptSecret(user.twoFactorSecret);
  const step = secret ? checkTotp(secret, typed, user.twoFactorLastStep, now.getTime()) : null;
  if (step === "used") return { status: "used" };
  if (step !== null) {
    // Accepted once: a second request with the same code finds the step taken.
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: step } }] },
      data: { twoFactorLastStep: step },
    });
    return count === 1 ? { status: "ok", recovery: false } : { status: "used" };
  }
  const code = normalizeRecoveryCode(typed);
  if (!code) return { status: "incorrect" };
  const spent = await db.$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: now },
    });
    if (count === 1) await event(tx, userId, "recovery-code-used");
    return count === 1;
  });
  return spent ? { status: "ok", recovery: true } : { status: "incorrect" };
}

export type EnableResult =
  { status: "ok"; codes: string[] } | { status: "invalid_setup" } | { status: "incorrect" } | { status: "already_on" };

/**
 * "Turn on": the secret shown on the page (sealed in the form) and a code
 * from the app made with it. Nothing is saved unless the code is right.
 */
export async function enableTwoFactor(
  userId: string,
  setup: string,
  code: string,
  keepSessionToken: string | null,
  now = new Date(),
): Promise<EnableResult> {
  const secret = decryptSecret(setup);
  if (!secret) return { status: "invalid_setup" };
  const step = checkTotp(secret, code, null, now.getTime());
  if (step === null || step === "used") return { status: "incorrect" };
  const codes = await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, twoFactorSecret: null },
      data: { twoFactorSecret: encryptSecret(secret), twoFactorLastStep: step },
    });
    if (count !== 1) return null;
    await event(tx, userId, "two-factor-on");
    return replaceRecoveryCodes(tx, userId);
  });
  if (!codes) return { status: "already_on" };
  await deleteOtherSessions(userId, keepSessionToken);
  return { status: "ok", codes };
}

export type DisableResult =
  | { status: "ok" }
  | { status: "wrong_password" }
  | { status: "incorrect" }
  | { status: "used" }
  | { status: "not_on" }
  | { status: "throttled"; retryAfter: number };

/** "Turn off": the password and a code (from the app, or a recovery code). */
export async function disableTwoFactor(
  userId: string,
  input: { password: string; code: string },
  ip: string,
  keepSessionToken: string | null,
): Promise<DisableResult> {
  const limited = await hit(`account:password:${userId}`, RATE_LIMITS.passwordCheckPerUser);
  if (!limited.ok) return { status: "throttled", retryAfter: limited.retryAfter };
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, twoFactorSecret: true },
  });
  if (!user?.twoFactorSecret) return { status: "not_on" };
  if (!(await verifyPassword(input.password, user.passwordHash))) return { status: "wrong_password" };
  const check = await checkSecondFactor(userId, input.code, ip);
  if (check.status !== "ok") return check;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { twoFactorSecret: null, twoFactorLastStep: null },
      select: { id: true },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.loginStep.deleteMany({ where: { userId } });
    await event(tx, userId, "two-factor-off");
  });
  await deleteOtherSessions(userId, keepSessionToken);
  return { status: "ok" };
}

export type RenewResult =
  | { status: "ok"; codes: string[] }
  | { status: "incorrect" }
  | { status: "used" }
  | { status: "not_on" }
  | { status: "throttled"; retryAfter: number };

/** "New recovery codes": a current code, then ten new codes replace all the old ones. */
export async function renewRecoveryCodes(userId: string, code: string, ip: string): Promise<RenewResult> {
  if (!(await twoFactorEnabled(userId))) return { status: "not_on" };
  const check = await checkSecondFactor(userId, code, ip);
  if (check.status !== "ok") return check;
  const codes = await db.$transaction(async (tx) => {
    await event(tx, userId, "recovery-codes-renewed");
    return replaceRecoveryCodes(tx, userId);
  });
  return { status: "ok", codes };
}

// ------------------------------------------------------------ the second step of a login

/** A correct password on an account with two-factor: the pending step, and its token for the cookie. */
export async function startLoginStep(userId: string, remember: boolean, now = Date.now()): Promise<string> {
  const token = newSessionToken();
  await db.$transaction(async (tx) => {
    // An account has one pending step at a time; old ones go.
    await tx.loginStep.deleteMany({ where: { userId } });
    await tx.loginStep.create({
      data: { tokenHash: hashToken(token), userId, remember, expiresAt: new Date(now + LOGIN_STEP_MS) },
      select: { id: true },
    });
  });
  return token;
}

/** The step is used up: one conditional delete, so one step finishes one login. */
export async function spendLoginStep(id: string): Promise<boolean> {
  const { count } = await db.loginStep.deleteMany({ where: { id } });
  return count === 1;
}

/** "Log in as someone else": the pending step its token names goes. */
export async function dropLoginStep(token: string): Promise<void> {
  await db.loginStep.deleteMany({ where: { tokenHash: hashToken(token) } });
}
