import "server-only";
import { cookies, headers } from "next/headers";
import { isHttps, isHttpsFrom } from "@/lib/http/request";
import { currentSessionToken } from "@/lib/sessions/loaders";
import { deleteSessionByToken } from "@/lib/sessions/mutations";
import { dropLoginStep, LOGIN_STEP_MS, startLoginStep } from "@/lib/two-factor/mutations";
import { cookieName, cookieOptions, LOGIN_STEP_COOKIE, SESSION_COOKIE } from "@/server/shared.mjs";
import { signInThroughAuthJs, type CredentialsResult, type StepResult } from "./instance";

// Signing in and out from our own forms and the JSON API. Every sign-in goes
// through the Auth.js instance (./instance.ts): its credentials provider
// decides, and its `jwt.encode` makes the session row; here we only set the
// cookie as our answers always have (docs/decisions/002, 019).

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
  const { decision, session } = await signInThroughAuthJs({
    email: input.email,
    password: input.password,
    remember: String(input.remember),
    ...(input.code !== undefined && { code: input.code }),
  });
  if (decision.status === "two_factor_required" && input.twoFactorStep) {
    const token = await startLoginStep(decision.user.id, input.remember);
    const https = isHttpsFrom(await headers());
    (await cookies()).set(cookieName(LOGIN_STEP_COOKIE, https), token, {
      ...cookieOptions(https),
      maxAge: LOGIN_STEP_MS / 1000,
    });
  }
  if (decision.status === "expired") return { status: "invalid" };
  if (decision.status === "ok") await setSessionCookie(session, input.remember);
  return decision;
}

/** The second step of /login: the step's cookie and a code; on success the session, and the step is gone. */
export async function signInWithCode(code: string): Promise<StepResult> {
  const https = isHttpsFrom(await headers());
  const jar = await cookies();
  const step = jar.get(cookieName(LOGIN_STEP_COOKIE, https))?.value ?? "";
  const { decision, session } = await signInThroughAuthJs({ step, code });
  if (decision.status === "expired" || decision.status === "ok") {
    jar.set(cookieName(LOGIN_STEP_COOKIE, https), "", { ...cookieOptions(https), maxAge: 0 });
  }
  if (decision.status === "ok") await setSessionCookie(session, decision.remember === true);
  return decision;
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

/** The session Auth.js made, in the cookie: dated only with "Remember me". */
async function setSessionCookie(session: { token: string; expires: Date } | undefined, remember: boolean) {
  if (!session) throw new Error("Auth.js signed in without making a session");
  const https = isHttpsFrom(await headers());
  (await cookies()).set(cookieName(SESSION_COOKIE, https), session.token, {
    ...cookieOptions(https),
    ...(remember && { expires: session.expires }),
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
