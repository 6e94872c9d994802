// Runs before every page request (Node runtime). It only sends visitors with
// no session cookie to the login page; every page, action and route handler
// checks the session itself in the database (auth.ts), so a stale or revoked
// cookie is caught there — the proxy is a fast path, never the guard.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";

const PROTECTED = [/^\/user(\/|$)/, /^\/rsvp(\/|$)/, /^\/parties(\/|$)/, /^\/settings(\/|$)/];

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (!PROTECTED.some((re) => re.test(pathname))) return NextResponse.next();
  if (SESSION_COOKIE_NAMES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/user/:path*", "/rsvp/:path*", "/parties/:path*", "/settings/:path*"],
};
