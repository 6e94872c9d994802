// The Auth.js (NextAuth v5) instance: the credentials provider whose
// `authorize` decides every sign-in, and database sessions. Everything signs
// in through it — Auth.js's own endpoint (app/api/auth/[...nextauth], via the
// root auth.ts), the login form, its two-factor step and POST /api/users/login
// (./sign-in.ts, through `signInThroughAuthJs`). Docs/decisions 002 and 019.
//
// Auth.js allows only JWT sessions with credentials, and a JWT cannot be
// revoked. So Auth.js gets the Prisma adapter (session strategy "database")
// and `jwt.encode` — which the credentials callback calls to make the cookie
// value — creates a Session row and returns its random token instead of a JWT.
// Every request looks the row up; logout deletes it; the copied cookie then
// opens nothing. See docs/decisions/002-revocable-sessions.md.
import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { headers } from "next/headers";
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isHttpsFrom } from "@/lib/http/request";
import { deleteOtherSessions, createSession } from "@/lib/sessions/mutations";
import { PERSISTENT_SESSION_MS, type SessionUser } from "@/lib/sessions/session-token";
import { getViewer } from "@/lib/viewer";
import {
  CALLBACK_COOKIE,
  config as settings,
  cookieName,
  cookieOptions,
  CSRF_COOKIE,
  SESSION_COOKIE,
} from "@/server/shared.mjs";
import { checkCredentials, checkLoginStep, type StepResult } from "./credentials";
import { authAdapter } from "./mutations";
import { loginApiSchema, loginSchema } from "./schema";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    username?: string;
    remember?: boolean;
    /** a recovery code signed in: the phone may be lost with the password, so every other session ends */
    endOthers?: boolean;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    remember?: boolean;
    endOthers?: boolean;
  }
}

/** Thrown by authorize() while the brute-force limits refuse logins. */
class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

export type { CredentialsResult, StepResult } from "./credentials";

/** What a sign-in decided, with the step's "Remember me" when it came from the second step. */
export type SignInDecision = StepResult & { remember?: boolean };

/**
 * One sign-in by the app's own forms and API: what `authorize` decided, and
 * the session `jwt.encode` made for it. Auth.js's own endpoint has none.
 */
type Call = { decision?: SignInDecision; session?: { token: string; expires: Date } };

const adapter = authAdapter();

/**
 * The provider's one decision. Auth.js's endpoint takes an email and a
 * password and nothing else: an account with two-factor on signs in there
 * never. The app's own calls may add the second factor — the JSON API's
 * `code`, or the login step's token (`step`, from its cookie) with a code.
 */
async function decide(fields: Partial<Record<string, unknown>>, ip: string, own: boolean): Promise<SignInDecision> {
  if (own && typeof fields.step === "string") {
    return checkLoginStep({ token: fields.step, code: String(fields.code ?? ""), ip });
  }
  const parsed = own ? loginApiSchema.safeParse(fields) : loginSchema.safeParse(fields);
  if (!parsed.success) return { status: "invalid" };
  const { email, password, remember } = parsed.data;
  const code = own ? (parsed.data as { code?: string }).code : undefined;
  return { ...(await checkCredentials({ email, password, ip, code })), remember };
}

function authConfig(https: boolean, call?: Call): NextAuthConfig {
  return {
    adapter,
    trustHost: true,
    basePath: "/api/auth",
    secret: settings().authSecret || undefined,
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
        credentials: { email: {}, password: {}, remember: {}, code: {}, step: {} },
        // The one place a sign-in is decided (the password by checkCredentials, under its limits).
        async authorize(fields, request) {
          const decision = await decide(fields, clientIpFrom(request.headers), call !== undefined);
          if (call) call.decision = decision;
          if (decision.status === "throttled") throw new ThrottledSignin();
          if (decision.status !== "ok") return null;
          return { ...decision.user, remember: decision.remember === true, endOthers: decision.recoveryCodeUsed };
        },
      }),
    ],
    jwt: {
      // The credentials callback's "JWT" is our session token (see above).
      async encode({ token }) {
        if (!token?.sub) return "";
        const [h, viewer] = await Promise.all([headers(), getViewer()]);
        const session = await createSession(token.sub, {
          persistent: token.remember === true,
          userAgent: h.get("user-agent"),
          timeZone: viewer.zoneKnown ? viewer.timeZone : null,
        });
        if (token.endOthers === true) await deleteOtherSessions(token.sub, session.token);
        if (call) call.session = session;
        return session.token;
      },
      async decode() {
        return null;
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.remember = user.remember === true;
          token.endOthers = user.endOthers === true;
        }
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
        // The app's own sign-ins rethrow what went wrong (below); the caller reports it.
        if (call && error.name === "CallbackRouteError") return;
        console.error(error);
      },
    },
  };
}

// The configuration depends on the request (HTTPS gets `__Host-` cookies);
// Auth.js calls this lazily inside each request, where headers() works.
export const { handlers } = NextAuth(async () => authConfig(isHttpsFrom(await headers())));

/** Where the provider's callback is; Auth.js reads only its path. */
const CALLBACK_URL = "http://localhost/api/auth/callback/credentials";

/**
 * Sign in through the instance's credentials provider, as Auth.js's own
 * `signIn()` does — a POST to the provider's callback, in this process — but
 * keeping Auth.js's answer to ourselves: Auth.js would also set its
 * callback-URL cookie and date every session cookie, and our forms and API
 * answer with exactly one cookie, dated only with "Remember me" (the caller
 * sets it from `session`). Errors other than a refusal are rethrown as they
 * were thrown, so a database outage reads as one.
 */
export async function signInThroughAuthJs(
  fields: Record<string, string>,
): Promise<Call & { decision: SignInDecision }> {
  const h = new Headers(await headers());
  h.set("content-type", "application/x-www-form-urlencoded");
  h.delete("content-length");
  const call: Call = {};
  const request = new Request(CALLBACK_URL, { method: "POST", headers: h, body: new URLSearchParams(fields) });
  try {
    await Auth(request, { ...authConfig(isHttpsFrom(h), call), raw, skipCSRFCheck });
  } catch (error) {
    const cause = error instanceof AuthError ? (error.cause as { err?: unknown } | undefined)?.err : undefined;
    if (cause instanceof Error) throw cause;
    if (!(error instanceof CredentialsSignin) || !call.decision) throw error;
  }
  if (!call.decision) throw new Error("Auth.js did not ask the credentials provider");
  return { ...call, decision: call.decision };
}
