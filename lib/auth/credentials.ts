import "server-only";
import { clientSubject, hit, RATE_LIMITS, refund, reset } from "@/lib/rate-limit/mutations";
import { findLoginAccount } from "./data";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SessionUser } from "./session-token";

export type CredentialsResult =
  { status: "ok"; user: SessionUser } | { status: "invalid" } | { status: "throttled"; retryAfter: number };

/**
 * The one place a login is decided — Auth.js's credentials provider (auth.ts)
 * and our own sign-in (./sign-in.ts) both call it.
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
  return { status: "ok", user: { id: user.id, username: user.username, email: user.email } };
}
