// Runs before every request except static files (Node runtime).
//
// 1. While the database is unreachable, answer 503 at once: JSON for the API,
//    a short page for people, which retries by itself. lib/db/health.ts
//    probes the database (at most every second) and lets traffic through as
//    soon as it answers again.
// 2. The JSON API refuses state-changing calls from other sites (403), and
//    grants CORS only to the origins listed in CORS_ORIGINS.
// 3. Pages get a Content-Security-Policy with a fresh nonce; Next.js reads it
//    from the request and puts the nonce on its own scripts.
// 4. Visitors with no session cookie on a logged-in page go to the login
//    page. Only a fast path: every page, action and route handler checks the
//    session itself in the database (auth.ts) — the proxy is never the guard.
import { NextResponse, type NextRequest } from "next/server";
import { config as settings, DENY_ALL_CSP, newNonce, SESSION_COOKIE_NAMES } from "@/server/shared.mjs";
import { databaseUnavailable } from "@/lib/db/health";
import { corsHeaders, isAllowedCorsOrigin, ownOrigin } from "@/lib/http/cors";

const PROTECTED = /^\/(?:user|rsvp|parties|settings)(?:\/|$)/;
const dev = !settings().production;

function pageCsp(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function json(status: number, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json(
    { message },
    { status, headers: { "Cache-Control": "no-store", "Content-Security-Policy": DENY_ALL_CSP, ...headers } },
  );
}

function unavailable(req: NextRequest): NextResponse {
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return json(503, "The service is temporarily unavailable. Please try again shortly.", { "Retry-After": "5" });
  }
  const nonce = newNonce();
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10"><title>Back in a moment · DinnerParty</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><main><h1>Back in a moment</h1>
<p>DinnerParty cannot reach its database right now. Nothing you saved is lost.
This page tries again by itself every few seconds.</p></main></body></html>`;
  return new NextResponse(page, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": "5",
      "Cache-Control": "no-store",
      "Content-Security-Policy": `${DENY_ALL_CSP}; style-src 'nonce-${nonce}'`,
    },
  });
}

function api(req: NextRequest): NextResponse {
  const origin = req.headers.get("origin");
  const foreign = origin !== null && origin !== ownOrigin(req.headers);
  const granted = foreign && isAllowedCorsOrigin(origin);
  if (req.method === "OPTIONS") {
    return granted
      ? new NextResponse(null, { status: 204, headers: corsHeaders(origin, true) })
      : json(403, "Cross-origin requests are not allowed.");
  }
  // A browser page on another site may not change anything here. (Reading is
  // harmless without a CORS grant: the browser hides the answer.)
  if (foreign && !granted && !["GET", "HEAD"].includes(req.method)) {
    return json(403, "Cross-origin requests are not allowed.");
  }
  const res = NextResponse.next();
  res.headers.set("Content-Security-Policy", DENY_ALL_CSP);
  if (granted) for (const [k, v] of Object.entries(corsHeaders(origin, false))) res.headers.set(k, v);
  return res;
}

function fromOurPages(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (origin !== null) return origin === ownOrigin(req.headers);
  return req.headers.has("next-action") && req.headers.get("sec-fetch-site") === "same-origin";
}

export async function proxy(req: NextRequest) {
  if (await databaseUnavailable()) return unavailable(req);
  const { pathname, search } = req.nextUrl;
  // /api itself is the API's too (app/api/[[...path]] answers it in JSON).
  if (pathname === "/api" || pathname.startsWith("/api/")) return api(req);
  // A form post (a Server Action, with or without JavaScript) must come from
  // one of our own pages. Browsers name the page's origin on every POST;
  // Next.js checks it too, but answers a foreign one with a 500. A post with
  // no Origin at all is no browser's form — except the framework's own action
  // call (Next-Action) from a same-origin fetch, which a browser's privacy
  // settings may send without one. Decision 012.
  if (req.method === "POST" && !fromOurPages(req)) {
    return new NextResponse("Cross-site form posts are not allowed.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": DENY_ALL_CSP },
    });
  }

  if (PROTECTED.test(pathname) && !SESSION_COOKIE_NAMES.some((name) => req.cookies.has(name))) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", pathname + search);
    const res = NextResponse.redirect(login);
    res.headers.set("Content-Security-Policy", DENY_ALL_CSP);
    return res;
  }

  const nonce = newNonce();
  const csp = pageCsp(nonce, req.headers.get("x-forwarded-proto") === "https");
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  // Build output and the app's icon files (app/, public/icons/), by their
  // exact names: a path that merely starts like one ("/iconfoo") is a page
  // like any other, and gets the page's headers.
  matcher: [
    "/((?!(?:_next/static|_next/image)/|(?:icon\\.svg|apple-icon\\.png|manifest\\.webmanifest|icons/(?:icon-192|icon-512|maskable-512)\\.png)$).*)",
  ],
};
