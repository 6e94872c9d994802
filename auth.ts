// Authentication in one place: Auth.js (NextAuth v5) with the credentials
// provider, bcrypt passwords, server-side sessions in the database, and the
// session checks every page, action and route handler uses.
//
// Auth.js allows only JWT sessions with credentials, and a JWT cannot be
// revoked. So Auth.js gets the Prisma adapter (session strategy "database")
// and `jwt.encode` — which the credentials callback calls to make the cookie
// value — creates a Session row and returns its random token instead of a JWT.
// Every request looks the row up; logout deletes it; the copied cookie then
// opens nothing. See docs/decisions/002-revocable-sessions.md.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "@auth/core/adapters";
import { db } from "@/lib/db";
import { DatabaseUnavailableError, dbHealth } from "@/lib/db/health";
import { checkCredentials, type CredentialsResult } from "@/lib/auth/credentials";
import {
  createSession,
  deleteSessionByToken,
  findSession,
  PERSISTENT_SESSION_MS,
  type SessionUser,
} from "@/lib/auth/sessions";
import { CALLBACK_COOKIE, cookieName, cookieOptions, CSRF_COOKIE, SESSION_COOKIE } from "@/server/shared.mjs";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isHttpsFrom } from "@/lib/http/request";
import { loginSchema } from "@/lib/validation/auth";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    username?: string;
    remember?: boolean;
  }
}

/** Thrown by authorize() while the brute-force limits refuse logins. */
export class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfter: number) {
    super();
  }
}

const baseAdapter = PrismaAdapter(db);

// Session rows hold a hash of the token and a fixed end; the user comes back
// with only the fields the app may see (never the password hash).
const adapter: Adapter = {
  ...baseAdapter,
  async getSessionAndUser(token) {
    const found = await findSession(token);
    if (!found) return null;
    return {
      session: { sessionToken: token, userId: found.user.id, expires: found.expires },
      user: { ...found.user, emailVerified: null },
    };
  },
  async deleteSession(token) {
    await deleteSessionByToken(token);
  },
  // Sessions have an absolute lifetime: never extended.
  async updateSession() {
    return null;
  },
};

function config(https: boolean): NextAuthConfig {
  return {
    adapter,
    trustHost: true,
    // Strategy left unset: with an adapter that means "database".
    session: { maxAge: PERSISTENT_SESSION_MS / 1000, updateAge: PERSISTENT_SESSION_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    cookies: {
      sessionToken: { name: cookieName(SESSION_COOKIE, https), options: cookieOptions(https) },
      csrfToken: { name: cookieName(CSRF_COOKIE, https), options: cookieOptions(https) },
      callbackUrl: { name: cookieName(CALLBACK_COOKIE, https), options: cookieOptions(https) },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, remember: {} },
        async authorize(raw, request) {
          const parsed = loginSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password, remember } = parsed.data;
          const result = await checkCredentials({ email, password, ip: clientIpFrom(request.headers) });
          if (result.status === "throttled") throw new ThrottledSignin(result.retryAfter);
          if (result.status === "invalid") return null;
          return { ...result.user, remember };
        },
      }),
    ],
    jwt: {
      // The credentials callback's "JWT" is our session token (see above).
      async encode({ token }) {
        if (!token?.sub) return "";
        const h = await headers();
        const { token: sessionToken } = await createSession(token.sub, {
          persistent: token.remember === true,
          userAgent: h.get("user-agent"),
        });
        return sessionToken;
      },
      async decode() {
        return null;
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) token.remember = user.remember === true;
        return token;
      },
      session({ session, user }) {
        const u = user as unknown as SessionUser;
        return {
          expires: session.expires,
          user: { id: u.id, username: u.username, email: u.email },
        } as typeof session;
      },
    },
    logger: {
      // A wrong password is an answer, not an error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
        console.error(error);
      },
    },
  };
}

// The configuration depends on the request (HTTPS gets `__Host-` cookies);
// Auth.js calls this lazily inside each request, where headers() works.
export const { handlers, signIn, signOut } = NextAuth(async () => config(isHttpsFrom(await headers())));

/**
 * The signed-in user of this request, or null. Cached per request.
 * Reads the session row straight from our store (one indexed query) rather
 * than through Auth.js's auth(), which builds and parses a whole internal
 * request/response round for the same answer — every page, action and API
 * call starts here, so that round was a measurable share of each request.
 */
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

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(returnTo));
  return user;
}

export function loginUrl(returnTo?: string): string {
  return returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
}

/** The same three answers as the credential check itself. */
export type PasswordSignIn = CredentialsResult;

/**
 * Sign in through Auth.js's credentials provider and set the session cookie:
 * persistent for 30 days with "Remember me", else a browser-session cookie
 * (the server ends that session after 12 hours in any case).
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  remember: boolean;
}): Promise<PasswordSignIn> {
  try {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      remember: String(input.remember),
      redirect: false,
    });
  } catch (error) {
    if (error instanceof ThrottledSignin) return { status: "throttled", retryAfter: error.retryAfter };
    if (error instanceof CredentialsSignin) return { status: "invalid" };
    throw error;
  }
  const https = isHttpsFrom(await headers());
  const jar = await cookies();
  const name = cookieName(SESSION_COOKIE, https);
  const token = jar.get(name)?.value;
  const found = token ? await findSession(token) : null;
  if (!token || !found) return { status: "invalid" };
  if (!input.remember) jar.set(name, token, cookieOptions(https));
  return { status: "ok", user: found.user };
}

/** This browser's session token (the cookie), if any. */
export async function currentSessionToken(): Promise<string | null> {
  return (await cookies()).get(cookieName(SESSION_COOKIE, isHttpsFrom(await headers())))?.value ?? null;
}

/**
 * End this browser's session on the server and clear its cookie. The row is
 * deleted here first, because Auth.js logs and swallows a failed delete: if
 * the database is unreachable, logout must fail rather than only seem done.
 */
export async function signOutHere(): Promise<void> {
  const token = await currentSessionToken();
  if (token) await deleteSessionByToken(token);
  await signOut({ redirect: false });
}
