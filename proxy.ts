// Runs before every request except static files (Node runtime).
//
// 1. While the database is unreachable, answer 503 at once: JSON for the API,
//    a short page for people, which retries by itself. lib/db/health.ts
//    probes the database (at most every second) and lets traffic through as
//    soon as it answers again.
// 2. Send visitors with no session cookie on a logged-in page to the login
//    page. This is only the fast path: every page, action and route handler
//    checks the session itself in the database (auth.ts), so a stale or
//    revoked cookie is caught there — the proxy is never the guard.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";
import { databaseUnavailable } from "@/lib/db/health";

const PROTECTED = /^\/(?:user|rsvp|parties|settings)(?:\/|$)/;

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10"><title>Back in a moment · DinnerParty</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Back in a moment</h1>
<p>DinnerParty cannot reach its database right now. Nothing you saved is lost.
This page tries again by itself every few seconds.</p>
</body></html>`;

function unavailable(req: NextRequest): NextResponse {
  const headers = { "Retry-After": "5", "Cache-Control": "no-store" };
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { message: "The service is temporarily unavailable. Please try again shortly." },
      { status: 503, headers },
    );
  }
  return new NextResponse(UNAVAILABLE_PAGE, {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}

export async function proxy(req: NextRequest) {
  if (await databaseUnavailable()) return unavailable(req);
  const { pathname, search } = req.nextUrl;
  if (!PROTECTED.test(pathname)) return NextResponse.next();
  if (SESSION_COOKIE_NAMES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon|apple-icon|manifest\\.webmanifest).*)"],
};
