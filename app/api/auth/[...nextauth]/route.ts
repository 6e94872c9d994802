// Auth.js's own endpoints, only those still in use: GET /api/auth/csrf and
// /api/auth/session, POST /api/auth/callback/credentials (the app's own
// forms and JSON API sign in through lib/auth). The others — the sign-in and
// sign-out pages, /error, /verify-request, /providers — answer HTML or copy
// their query into a redirect: inside a JSON API they are a JSON 404.
//
// Auth.js builds its redirects from the request's URL and forwarded headers,
// which Next.js addresses to the server itself (http://localhost:PORT); it
// gets the request addressed to the Host the client used instead.
//
// Two adjustments keep "Remember me" true: Auth.js gives the session cookie
// an Expires date when it signs in and every time it reads the session, which
// would turn a browser-session cookie into a 30-day one.
import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { errorJson } from "@/lib/http/api";
import { cookieName, SESSION_COOKIE } from "@/server/shared.mjs";
import { isHttpsFrom } from "@/lib/http/request";

const IN_USE = { GET: ["/api/auth/csrf", "/api/auth/session"], POST: ["/api/auth/callback/credentials"] };

/** The request as the client addressed it, or null when its Host is not one. */
function asAddressed(req: NextRequest): NextRequest | null {
  const host = req.headers.get("host") ?? "";
  if (!/^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(host)) return null;
  const scheme = isHttpsFrom(req.headers) ? "https" : "http";
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, `${scheme}://${host}`);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : req.body;
  // Auth.js prefers X-Forwarded-Host, which Next.js fills with its own
  // "localhost:PORT": the Host the client sent is the one to answer to.
  const headers = new Headers(req.headers);
  headers.set("x-forwarded-host", host);
  headers.set("x-forwarded-proto", scheme);
  const init = { method: req.method, headers, body, duplex: "half" };
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

function inUse(req: NextRequest, method: keyof typeof IN_USE): NextRequest | null {
  return IN_USE[method].includes(req.nextUrl.pathname) ? asAddressed(req) : null;
}

const notFound = () => errorJson(404, "Not found.");

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

export async function GET(request: NextRequest) {
  const req = inUse(request, "GET");
  if (!req) return notFound();
  const res = await handlers.GET(req);
  if (!req.nextUrl.pathname.endsWith("/session")) return res;
  // Reading the session must never extend or re-date its cookie; clearing a dead one is fine.
  return rewriteSessionCookies(req, res, (c) => (isDeletion(c) ? c : null));
}

export async function POST(request: NextRequest) {
  const req = inUse(request, "POST");
  if (!req) return notFound();
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

export { notFound as PUT, notFound as PATCH, notFound as DELETE };
