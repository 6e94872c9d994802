import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { DatabaseUnavailableError, dbHealth } from "@/lib/db/health";
import { unauthorized } from "@/lib/http/api";
import { isHttps } from "@/lib/http/request";
import { cookieName, SESSION_COOKIE } from "@/server/shared.mjs";
import { findSession } from "./data";
import type { SessionUser } from "./session-token";

// Who is asking: the session checks every page, action and route handler
// starts with. The session is read from our own store, not through Auth.js's
// auth(), which builds and parses a whole internal request/response round for
// the same answer — every request starts here, so that round was a
// measurable share of each (docs/decisions/017-hot-path-queries.md). Pages
// ask lib/auth/loaders.ts, which repeats these; lib/ asks here, below every
// domain and lib/safe-action.ts (docs/decisions/031-domain-order.md).

/** This browser's session token (the cookie), if any. */
export async function currentSessionToken(): Promise<string | null> {
  return (await cookies()).get(cookieName(SESSION_COOKIE, await isHttps()))?.value ?? null;
}

/** The signed-in user of this request, or null. One indexed query, cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await currentSessionToken();
  if (!token) return null;
  try {
    return (await findSession(token))?.user ?? null;
  } catch (error) {
    // With the database away, "no session" would mean "log in again". Say
    // "unavailable" instead (503).
    if (dbHealth.down) throw new DatabaseUnavailableError();
    throw error;
  }
});

export function loginUrl(returnTo?: string): string {
  return returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
}

/** For pages: the signed-in user, or a redirect to the login page that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(returnTo));
  return user;
}

/** For JSON routes: the signed-in user, or 401 `{"message":"Unauthorized"}`. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return user;
}
