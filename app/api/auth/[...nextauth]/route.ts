// Auth.js's own endpoints (/api/auth/csrf, /session, /callback/credentials,
// /signout …). Two adjustments keep "Remember me" true: Auth.js gives the
// session cookie an Expires date when it signs in and every time it reads the
// session, which would turn a browser-session cookie into a 30-day one.
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { cookieName, SESSION_COOKIE } from "@/server/shared.mjs";
import { isHttpsFrom } from "@/lib/http/request";

function rewriteSessionCookies(req: NextRequest, res: Response, keep: (cookie: string) => string | null) {
  const name = cookieName(SESSION_COOKIE, isHttpsFrom(req.headers));
  const cookies = res.headers.getSetCookie();
  if (!cookies.some((c) => c.startsWith(`${name}=`))) return res;
  const headers = new Headers(res.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) {
    const kept = cookie.startsWith(`${name}=`) ? keep(cookie) : cookie;
    if (kept) headers.append("set-cookie", kept);
  }
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

const isDeletion = (cookie: string) => /;\s*max-age=0/i.test(cookie) || /expires=thu, 01 jan 1970/i.test(cookie);

export async function GET(req: NextRequest) {
  const res = await handlers.GET(req);
  if (!req.nextUrl.pathname.endsWith("/session")) return res;
  // Reading the session must never extend or re-date its cookie; clearing a dead one is fine.
  return rewriteSessionCookies(req, res, (c) => (isDeletion(c) ? c : null));
}

export async function POST(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (path.endsWith("/session")) {
    return rewriteSessionCookies(req, await handlers.POST(req), (c) => (isDeletion(c) ? c : null));
  }
  if (!path.endsWith("/callback/credentials")) return handlers.POST(req);
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const remember = ["true", "on"].includes(String(form?.get("remember") ?? ""));
  const res = await handlers.POST(req);
  if (remember) return res;
  return rewriteSessionCookies(req, res, (c) =>
    isDeletion(c) ? c : c.replace(/;\s*expires=[^;]*/gi, "").replace(/;\s*max-age=[^;]*/gi, ""),
  );
}
