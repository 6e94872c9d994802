// @ts-check
// A few seconds of memory for rendered pages, so that a crowd asking for the
// same page costs one render per worker, not one render each.
// (docs/decisions/016-anonymous-page-cache.md, 018-signed-in-page-cache.md)
//
// Two kinds of page are kept, only for exact, query-free GETs:
// - what every newcomer sees first — the home page, /login and /register —
//   for a visitor who carries no cookie of ours but the time-zone one;
// - the party list (/rsvp) for a signed-in visitor, filed under who they are
//   and the content version (lib/page-cache/stamp.ts): every change to users,
//   parties or guests, made by any worker or app instance, moves the version,
//   so a copy is never older than the data it shows; a session that has
//   ended finds nothing, and the page is rendered (and sends them to log in).
//   Time changes the list too: a copy expires when the next party starts
//   (the stamp's `until`), so no party is listed once it has begun.
// Anything else — a flash message, a prefetch, a query string, an unknown
// cookie, the database marked down — goes to Next.js as before. What is kept
// is a page Next.js rendered with status 200, HTML, no Set-Cookie. Each answer
// gets a fresh CSP nonce — the stored page is split at the nonce it was
// rendered with — and is gzipped here when the client accepts it.
// PAGE_CACHE=0 turns all of it off (server/config.mjs), so the app can be run
// and measured without it, and the cache retired once Next.js's own caching
// can do its job (docs/decisions/018).
import zlib from "node:zlib";
import {
  CALLBACK_COOKIE,
  cookieName,
  CSRF_COOKIE,
  newNonce,
  nonceIn,
  resolveLocale,
  SESSION_COOKIE,
  TIME_ZONE_COOKIE,
} from "./shared.mjs";

const ANONYMOUS_PAGES = new Set(["/", "/login", "/register"]);
const SIGNED_IN_PAGES = new Set(["/rsvp"]);
// Headers that describe one transfer, not the page.
const PER_RESPONSE = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-encoding",
]);

// The cookies a kept page may come with. Any other (a flash message,
// someone else's cookie) means the page is rendered.
const KEPT_PAGE_COOKIES = [TIME_ZONE_COOKIE, SESSION_COOKIE, CSRF_COOKIE, CALLBACK_COOKIE];

/**
 * The cookies a request carries, by their base name, or null when it carries
 * one a kept page does not expect — under the other scheme's name too (the
 * app reads `__Host-` names over HTTPS only) — or one twice.
 * @param {string | undefined} header @param {boolean} https
 */
function ourCookies(header, https) {
  /** @type {Map<string, string>} */
  const found = new Map();
  for (const part of (header ?? "").split(";")) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    const name = part.slice(0, eq).trim();
    const base = KEPT_PAGE_COOKIES.find((b) => cookieName(b, https) === name);
    if (eq < 0 || !base || found.has(base)) return null;
    found.set(base, part.slice(eq + 1).trim());
  }
  return found;
}

/**
 * @typedef {{ expires: number, status: number, headers: Record<string, string | string[]>,
 *   body: string[], csp: string[] }} Entry
 * A ticket: the key a request's page is filed under, and the latest moment a
 * copy of it may be served (a signed-in list's next party start).
 * @typedef {{ key: string, until: number }} Ticket
 *
 * `ttlMs` bounds an anonymous page's age. A signed-in page cannot be older
 * than its data (the content version is in its key) nor outlive the start of
 * the next party (the stamp's `until`); `signedInTtlMs` bounds the rest.
 * @param {{ ttlMs?: number, signedInTtlMs?: number, maxEntries?: number, isDatabaseDown?: () => boolean,
 *   signedInStamp?: (sessionToken: string) => Promise<{ stamp: string, until: number | null } | null>,
 *   now?: () => number }} [options]
 */
export function createPageCache({
  ttlMs = 5_000,
  signedInTtlMs = 30_000,
  maxEntries = 500,
  isDatabaseDown = () => false,
  signedInStamp = async () => null,
  now = Date.now,
} = {}) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();

  /**
   * The ticket of a request that may be answered from here, else null.
   * @param {import("node:http").IncomingMessage} req @returns {Promise<Ticket | null>}
   */
  async function keyOf(req) {
    const url = req.url ?? "";
    if (req.method !== "GET") return null;
    const anonymous = ANONYMOUS_PAGES.has(url);
    if (!anonymous && !SIGNED_IN_PAGES.has(url)) return null;
    const h = req.headers;
    // Client-side navigations and prefetches ask for the RSC payload, not HTML.
    if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-router-segment-prefetch"])
      return null;
    const https = h["x-forwarded-proto"] === "https";
    const cookies = ourCookies(h.cookie, https);
    if (!cookies || isDatabaseDown()) return null;
    // What pages read from the request: the time zone (cookie), the host and
    // the locale dates are written in. The locale is the one the app renders
    // with (lib/viewer.ts), not the raw Accept-Language: a client can send any
    // header, but every header resolves to one of a small set of locales, so
    // inventing headers makes no new entries.
    const zone = cookies.get(TIME_ZONE_COOKIE) ?? "";
    const host = String(h.host ?? "");
    if (zone.length > 64 || host.length > 256) return null;
    const key = `${https ? "https" : "http"} ${host} ${url} ${zone} ${resolveLocale(h["accept-language"])}`;
    // Anonymous pages are kept only for visitors with no other cookie of
    // ours; on /rsvp, Auth.js's own cookies (no kept page reads them) do not
    // split the key.
    if (anonymous) return cookies.size === (cookies.has(TIME_ZONE_COOKIE) ? 1 : 0) ? { key, until: Infinity } : null;
    const token = cookies.get(SESSION_COOKIE);
    if (!token || token.length > 128) return null;
    try {
      const stamp = await signedInStamp(token);
      return stamp ? { key: `${key} ${stamp.stamp}`, until: stamp.until ?? Infinity } : null;
    } catch {
      return null; // the page itself will meet the same error, and answer it
    }
  }

  /**
   * Answers from memory when it can; returns false when the request must go on to Next.js.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {Ticket} ticket
   */
  function serve(req, res, { key }) {
    const entry = entries.get(key);
    if (!entry) return false;
    if (entry.expires <= now()) {
      entries.delete(key);
      return false;
    }
    const nonce = newNonce();
    /** @type {Record<string, string | string[]>} */
    const headers = { ...entry.headers, "content-security-policy": entry.csp.join(nonce) };
    let body = Buffer.from(entry.body.join(nonce));
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = zlib.gzipSync(body, { level: 6 });
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = String(body.length);
    res.writeHead(entry.status, headers);
    res.end(body);
    return true;
  }

  /**
   * Lets Next.js answer, and keeps a copy of the page if it is one to keep.
   * The request is sent on without Accept-Encoding: the copy must be text.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {Ticket} ticket
   */
  function record(req, res, { key, until }) {
    // Decided now: Next.js may rewrite req.url while it answers.
    const expires = Math.min(now() + (SIGNED_IN_PAGES.has(req.url ?? "") ? signedInTtlMs : ttlMs), until);
    delete req.headers["accept-encoding"];
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const keep = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > 1_000_000) return;
      const buf = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
          : Buffer.from(/** @type {Uint8Array} */ (chunk));
      chunks.push(buf);
      size += buf.length;
    };
    const write = res.write;
    const end = res.end;
    /** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
      keep(args[0], args[1]);
      return write.apply(this, /** @type {any} */ (args));
    };
    /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
      keep(args[0], args[1]);
      store(res, key, Buffer.concat(chunks).toString("utf8"), size, expires);
      return end.apply(this, /** @type {any} */ (args));
    };
  }

  /** @param {import("node:http").ServerResponse} res @param {string} key @param {string} html @param {number} size @param {number} expires */
  function store(res, key, html, size, expires) {
    const csp = String(res.getHeader("content-security-policy") ?? "");
    const nonce = nonceIn(csp);
    const type = String(res.getHeader("content-type") ?? "");
    if (res.statusCode !== 200 || !nonce || size > 1_000_000 || !type.startsWith("text/html")) return;
    if (expires <= now()) return;
    if (res.hasHeader("set-cookie") || res.hasHeader("content-encoding")) return;
    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!PER_RESPONSE.has(name) && value !== undefined)
        headers[name] = typeof value === "number" ? String(value) : value;
    }
    // The oldest copy makes room: Maps keep insertion order.
    if (entries.size >= maxEntries) entries.delete(/** @type {string} */ (entries.keys().next().value));
    entries.set(key, { expires, status: 200, headers, body: html.split(nonce), csp: csp.split(nonce) });
  }

  return {
    keyOf,
    serve,
    record,
    get size() {
      return entries.size;
    },
  };
}
