import "server-only";
import { cookies, headers } from "next/headers";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isHttps, isHttpsFrom } from "@/lib/http/request";
import { cookieName, cookieOptions, SESSION_COOKIE } from "@/server/shared.mjs";
import { checkCredentials, type CredentialsResult } from "./credentials";
import { currentSessionToken } from "./loaders";
import { createSession, deleteSessionByToken } from "./mutations";

// Signing in and out from our own forms and the JSON API. The same steps as
// Auth.js's credentials sign-in (auth.ts), without the instance: the password
// is checked by checkCredentials, the one place a login is decided, and the
// cookie holds a new session row's token (docs/decisions/002, 019).

/**
 * Check the password and set the session cookie: persistent for 30 days with
 * "Remember me", else a browser-session cookie (the server ends that session
 * after 12 hours in any case).
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  remember: boolean;
}): Promise<CredentialsResult> {
  const h = await headers();
  const result = await checkCredentials({ email: input.email, password: input.password, ip: clientIpFrom(h) });
  if (result.status !== "ok") return result;
  const { token, expires } = await createSession(result.user.id, {
    persistent: input.remember,
    userAgent: h.get("user-agent"),
  });
  const https = isHttpsFrom(h);
  (await cookies()).set(cookieName(SESSION_COOKIE, https), token, {
    ...cookieOptions(https),
    ...(input.remember && { expires }),
  });
  return result;
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
