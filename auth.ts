// The Auth.js (NextAuth v5) instance and its configuration: the credentials
// provider and database sessions behind Auth.js's own endpoints
// (app/api/auth/[...nextauth]). Pages, actions and routes do not import this
// file: they use lib/auth (getCurrentUser, requireUser, requireApiUser,
// signInWithPassword, signOutHere), which takes the same steps with the same
// pieces — checkCredentials decides every login (docs/decisions/019).
//
// Auth.js allows only JWT sessions with credentials, and a JWT cannot be
// revoked. So Auth.js gets the Prisma adapter (session strategy "database")
// and `jwt.encode` — which the credentials callback calls to make the cookie
// value — creates a Session row and returns its random token instead of a JWT.
// Every request looks the row up; logout deletes it; the copied cookie then
// opens nothing. See docs/decisions/002-revocable-sessions.md.
import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/auth/credentials";
import { authAdapter } from "@/lib/auth/mutations";
import { loginSchema } from "@/lib/auth/schema";
import { createSession } from "@/lib/sessions/mutations";
import { PERSISTENT_SESSION_MS, type SessionUser } from "@/lib/sessions/session-token";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isHttpsFrom } from "@/lib/http/request";
import { CALLBACK_COOKIE, cookieName, cookieOptions, CSRF_COOKIE, SESSION_COOKIE } from "@/server/shared.mjs";

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
class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

const adapter = authAdapter();

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
          if (result.status === "throttled") throw new ThrottledSignin();
          // Two-factor accounts sign in through /login's second step, never here without a code.
          if (result.status !== "ok") return null;
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
export const { handlers } = NextAuth(async () => config(isHttpsFrom(await headers())));
