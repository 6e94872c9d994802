import "server-only";
import { clientSubject, hit, RATE_LIMITS, refund, reset } from "@/lib/rate-limit/mutations";
import { findLoginStep } from "@/lib/two-factor/data";
import { checkSecondFactor, spendLoginStep } from "@/lib/two-factor/mutations";
import { findLoginAccount, findLoginAccountById } from "./data";
import { verifyAgainstDummy, verifyPassword } from "@/lib/credentials/password";
import type { SessionUser } from "@/lib/sessions/session-token";

export type CredentialsResult =
  | { status: "ok"; user: SessionUser; recoveryCodeUsed?: boolean }
  | { status: "invalid" }
  | { status: "throttled"; retryAfter: number }
  /** the password was right, the account has two-factor on, and no code came with it */
  | { status: "two_factor_required"; user: SessionUser }
  | { status: "incorrect_code" }
  /** a right code whose time step was spent already */
  | { status: "used_code" };

/**
 * How a login is decided — called only by the `authorize` of Auth.js's
 * credentials provider (./instance.ts), through which every sign-in goes.
 *
 * Check an email and password under the brute-force limits: 10 failures a
 * minute per client IP, 100 consecutive failures per account (keyed by the
 * email, so unknown addresses are throttled alike). Every attempt is counted
 * before the password is checked, so concurrent guesses cannot overshoot;
 * a correct password, or an attempt refused unchecked, gives its count back.
 * While throttled, even the right password is refused.
 */
export async function checkCredentials(input: {
  email: string;
  password: string;
  ip: string;
  /** the second factor, when the caller has one (the JSON API's `code`) */
  code?: string;
}): Promise<CredentialsResult> {
  const ipKey = `login:ip:${clientSubject(input.ip)}`;
  const accountKey = `login:account:${input.email}`;
  const [byIp, byAccount] = await Promise.all([
    hit(ipKey, RATE_LIMITS.loginPerIp),
    hit(accountKey, RATE_LIMITS.loginPerAccount),
  ]);
  if (!byIp.ok || !byAccount.ok) {
    // Refused attempts are not guesses: only checked passwords count.
    await Promise.all([refund(ipKey), refund(accountKey)]);
    const waits = [byIp, byAccount].filter((h) => !h.ok).map((h) => h.retryAfter);
    return { status: "throttled", retryAfter: Math.max(...waits) };
  }

  const user = await findLoginAccount(input.email);
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDummy(input.password);
  if (!user || !ok) return { status: "invalid" };

  await Promise.all([refund(ipKey), reset(accountKey)]);
  const found = { id: user.id, username: user.username, email: user.email };
  // With two-factor on, the password alone logs nobody in.
  if (!user.twoFactorSecret) return { status: "ok", user: found };
  if (input.code === undefined) return { status: "two_factor_required", user: found };
  return secondFactor(found, input.code, input.ip);
}

async function secondFactor(user: SessionUser, code: string, ip: string): Promise<CredentialsResult> {
  const check = await checkSecondFactor(user.id, code, ip);
  if (check.status === "throttled") return check;
  if (check.status === "incorrect") return { status: "incorrect_code" };
  if (check.status === "used") return { status: "used_code" };
  return { status: "ok", user, recoveryCodeUsed: check.recovery };
}

export type StepResult = CredentialsResult | { status: "expired" };

/**
 * The second step of /login: the pending step a correct password made (its
 * cookie's token) and a code. The step is bound to its account — the code is
 * checked against that account only — and finishes one login at most.
 */
export async function checkLoginStep(input: {
  token: string;
  code: string;
  ip: string;
}): Promise<StepResult & { remember?: boolean }> {
  const step = await findLoginStep(input.token);
  if (!step) return { status: "expired" };
  const user = await findLoginAccountById(step.userId);
  if (!user) return { status: "expired" };
  const result = await secondFactor(user, input.code, input.ip);
  if (result.status !== "ok") return result;
  if (!(await spendLoginStep(step.id))) return { status: "expired" };
  return { ...result, remember: step.remember };
}
