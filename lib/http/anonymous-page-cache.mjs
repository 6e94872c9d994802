// @ts-check
// A few seconds of memory for the pages every newcomer sees first — the home
// page, /login and /register as an anonymous visitor gets them — so that a
// crowd arriving at once costs one render per worker, not one each.
// (docs/decisions/016-anonymous-page-cache.md)
//
// Only exact, query-free GETs of those paths by a visitor who carries no
// cookie of ours but the time-zone one are served from here; everything else
// (a session, a flash message, a prefetch, a query string, the database
// marked down) goes to Next.js as before. What is kept is a page Next.js
// rendered for such a visitor: status 200, HTML, no Set-Cookie. Each answer
// gets a fresh CSP nonce — the stored page is split at the nonce it was
// rendered with — and is gzipped here when the client accepts it.
import zlib from "node:zlib";
import { newNonce, nonceIn } from "./nonce.mjs";

const PAGES = new Set(["/", "/login", "/register"]);
const TIME_ZONE_COOKIE = /^(?:__Host-)?dp\.tz$/;
// Headers that describe one transfer, not the page.
const PER_RESPONSE = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date", "content-encoding"]);

/**
 * @typedef {{ expires: number, status: number, headers: Record<string, string | string[]>,
 *   body: string[], csp: string[] }} Entry
 * @param {{ ttlMs?: number, isDatabaseDown?: () => boolean, now?: () => number }} [options]
 */
export function createAnonymousPageCache({ ttlMs = 5_000, isDatabaseDown = () => false, now = Date.now } = {}) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();

  /** The cache key of a request that may be answered from here, else null. @param {import("node:http").IncomingMessage} req */
  function keyOf(req) {
    if (req.method !== "GET" || !PAGES.has(req.url ?? "")) return null;
    const h = req.headers;
    // Client-side navigations and prefetches ask for the RSC payload, not HTML.
    if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-router-segment-prefetch"]) return null;
    let zone = "";
    for (const part of (h.cookie ?? "").split(";")) {
      if (!part.trim()) continue;
      const eq = part.indexOf("=");
      if (eq < 0 || !TIME_ZONE_COOKIE.test(part.slice(0, eq).trim())) return null;
      zone = part.slice(eq + 1).trim();
    }
    if (zone.length > 64 || isDatabaseDown()) return null;
    return `${h["x-forwarded-proto"] ?? "http"} ${req.url} ${zone}`;
  }

  /**
   * Answers from memory when it can; returns false when the request must go on to Next.js.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {string} key
   */
  function serve(req, res, key) {
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
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {string} key
   */
  function record(req, res, key) {
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
      store(res, key, Buffer.concat(chunks).toString("utf8"), size);
      return end.apply(this, /** @type {any} */ (args));
    };
  }

  /** @param {import("node:http").ServerResponse} res @param {string} key @param {string} html @param {number} size */
  function store(res, key, html, size) {
    const csp = String(res.getHeader("content-security-policy") ?? "");
    const nonce = nonceIn(csp);
    const type = String(res.getHeader("content-type") ?? "");
    if (res.statusCode !== 200 || !nonce || size > 1_000_000 || !type.startsWith("text/html")) return;
    if (res.hasHeader("set-cookie") || res.hasHeader("content-encoding")) return;
    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = typeof value === "number" ? String(value) : value;
    }
    if (entries.size >= 100) entries.clear();
    entries.set(key, { expires: now() + ttlMs, status: 200, headers, body: html.split(nonce), csp: csp.split(nonce) });
  }

  return { keyOf, serve, record, get size() { return entries.size; } };
}
