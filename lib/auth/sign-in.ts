import "server-only";
import { cookies, headers } from "next/headers";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isHttps, isHttpsFrom } from "@/lib/http/request";
import { getViewer } from "@/lib/viewer";
import { dropLoginStep, LOGIN_STEP_MS, startLoginStep } from "@/lib/two-factor/mutations";
import { cookieName, cookieOptions, LOGIN_STEP_COOKIE, SESSION_COOKIE } from "@/server/shared.mjs";
import { checkCredentials, checkLoginStep, type CredentialsResult, type StepResult } from "./credentials";
import { currentSessionToken } from "@/lib/sessions/loaders";
import { createSession, deleteOtherSessions, deleteSessionByToken } from "@/lib/sessions/mutations";
import type { SessionUser } from "@/lib/sessions/session-token";

// Signing in and out from our own forms and the JSON API. The same steps as
// Auth.js's credentials sign-in (auth.ts), without the instance: the password
// is checked by checkCredentials, the one place a login is decided, and the
// cookie holds a new session row's token (docs/decisions/002, 019).

/**
 * Check the password (and, from the JSON API, a two-factor `code`) and set
 * the session cookie: persistent for 30 days with "Remember me", else a
 * browser-session cookie (the server ends that session after 12 hours in any
 * case). A form's correct password on an account with two-factor on sets no
 * session: it starts the second step (`twoFactorStep`), whose token goes in
 * a 5-minute cookie of its own.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  remember: boolean;
  code?: string;
  twoFactorStep?: boolean;
}): Promise<CredentialsResult> {
  const h = await headers();
  const result = await checkCredentials({
    email: input.email,
    password: input.password,
    ip: clientIpFrom(h),
    code: input.code,
  });
  if (result.status === "two_factor_required" && input.twoFactorStep) {
    const token = await startLoginStep(result.user.id, input.remember);
    const https = isHttpsFrom(h);
    (await cookies()).set(cookieName(LOGIN_STEP_COOKIE, https), token, {
      ...cookieOptions(https),
      maxAge: LOGIN_STEP_MS / 1000,
    });
  }
  if (result.status !== "ok") return result;
  await startSession(result.user, input.remember, result.recoveryCodeUsed === true);
  return result;
}

/** The second step of /login: the step's cookie and a code; on success the session, and the step is gone. */
export async function signInWithCode(code: string): Promise<StepResult> {
  const h = await headers();
  const jar = await cookies();
  const https = isHttpsFrom(h);
  const token = jar.get(cookieName(LOGIN_STEP_COOKIE, https))?.value ?? "";
  const result = await checkLoginStep({ token, code, ip: clientIpFrom(h) });
  if (result.status === "expired" || result.status === "ok") {
    jar.set(cookieName(LOGIN_STEP_COOKIE, https), "", { ...cookieOptions(https), maxAge: 0 });
  }
  if (result.status !== "ok") return result;
  await startSession(result.user, result.remember === true, result.recoveryCodeUsed === true);
  return result;
}

/** Drop this browser's pending second step (its row, then its cookie). */
export async function cancelLoginStep(): Promise<void> {
  const https = isHttpsFrom(await headers());
  const jar = await cookies();
  const token = jar.get(cookieName(LOGIN_STEP_COOKIE, https))?.value;
  if (token) await dropLoginStep(token);
  jar.set(cookieName(LOGIN_STEP_COOKIE, https), "", { ...cookieOptions(https), maxAge: 0 });
}

/** The token of this browser's pending second step, if it has one. */
export async function pendingLoginStep(): Promise<string | null> {
  const https = isHttpsFrom(await headers());
  return (await cookies()).get(cookieName(LOGIN_STEP_COOKIE, https))?.value || null;
}

async function startSession(user: SessionUser, remember: boolean, endOthers: boolean): Promise<void> {
  const [h, viewer] = await Promise.all([headers(), getViewer()]);
  const { token, expires } = await createSession(user.id, {
    persistent: remember,
    userAgent: h.get("user-agent"),
    timeZone: viewer.zoneKnown ? viewer.timeZone : null,
  });
  // A recovery code means the phone is lost, maybe stolen with the password: every other session ends.
  if (endOthers) await deleteOtherSessions(user.id, token);
  const https = isHttpsFrom(h);
  (await cookies()).set(cookieName(SESSION_COOKIE, https), token, {
    ...cookieOptions(https),
    ...(remember && { expires }),
  });
}

/**
 * End this browser's session on the server and clear its cookie. The row goes
 * first: if the database is unreachable, logout fails rather than only seems done.
 */
export async function signOutHere(): Promise<void> {
  const token = await currentSessionToken();
  if (token) await deleteSessionByToken(token);
  const https = await isHttps();
  (await cookies()).set(cookieName(SESSION_COOKIE, https), "", { ...cookieOptions(https), maxAge: 0 });
}
