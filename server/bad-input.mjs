// @ts-check
// Bad input gets a 4xx, never a 500 (docs/decisions/013-bad-input.md).
import { DENY_ALL_CSP, MAX_API_BODY_BYTES, MAX_FORM_BODY_BYTES } from "./shared.mjs";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

// Request bodies are small here: a JSON call or a form. Larger ones are
// refused before any work (no parsing, no hashing of a 100 KB "password").

/**
 * Answers 413 for a declared body over the cap and 411 for a chunked one.
 * @param {IncomingMessage} req @param {ServerResponse} res @returns {boolean} whether it answered
 */
export function refuseBody(req, res) {
  const api = (req.url ?? "").startsWith("/api/");
  const limit = api ? MAX_API_BODY_BYTES : MAX_FORM_BODY_BYTES;
  const declared = Number(req.headers["content-length"] ?? 0);
  const chunked = /chunked/i.test(String(req.headers["transfer-encoding"] ?? ""));
  if (!chunked && !(declared > limit)) return false;
  const [status, message] = chunked
    ? [411, "Send the request body with a Content-Length."]
    : [413, `Request body is larger than ${limit} bytes.`];
  res.writeHead(status, {
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
  });
  res.end(api ? JSON.stringify({ message }) : message);
  // Read and drop what the client is still sending, so it gets our answer
  // rather than a reset connection; past a few megabytes, just hang up.
  let seen = 0;
  req.on("data", (chunk) => {
    seen += chunk.length;
    if (seen > 8 * 1024 * 1024) req.destroy();
  });
  req.resume();
  return true;
}

export const BAD_FORM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad request · DinnerParty</title></head>
<body><main><h1>That form could not be read</h1><p><a href="/">Back to DinnerParty</a></p></main></body></html>`;

/**
 * Answers 400 for a page post whose Next-Action header cannot name a Server
 * Action: their ids are hex digests.
 * @param {IncomingMessage} req @param {ServerResponse} res @returns {boolean} whether it answered
 */
export function refuseBadActionId(req, res) {
  const action = req.headers["next-action"];
  if (action === undefined || /^[0-9a-f]{16,128}$/i.test(String(action))) return false;
  res.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(BAD_FORM_PAGE);
  req.resume();
  return true;
}

// A form post that Next.js cannot even decode (garbage multipart, a made-up
// Server Action payload, a foreign Origin) ends in a 500 before any of our
// code runs. That is bad input, not a server fault: answer 400. Our action
// wrappers (lib/safe-action.ts) mark the request once they start, so a
// failure inside our own code still answers 500 (and is logged as one).

/**
 * Turns a 500 that comes before `context.actionStarted` into the 400 page.
 * @param {ServerResponse} res @param {import("./bridge.mjs").FormPost} context
 */
export function blameInputFor500(res, context) {
  const { writeHead, write, end } = res;
  let replaced = false;
  /** @type {any} */ (res).writeHead = function (/** @type {any} */ status, /** @type {any[]} */ ...rest) {
    const code = typeof status === "number" ? status : res.statusCode;
    if (code !== 500 || context.actionStarted) return writeHead.call(this, status, ...rest);
    replaced = true;
    for (const name of ["content-length", "content-encoding", "etag", "vary"]) res.removeHeader(name);
    return writeHead.call(this, 400, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": DENY_ALL_CSP,
    });
  };
  /** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    return replaced ? true : write.apply(this, /** @type {any} */ (args));
  };
  /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!replaced) return end.apply(this, /** @type {any} */ (args));
    const callback = args.find((a) => typeof a === "function");
    return end.call(this, BAD_FORM_PAGE, callback);
  };
}

/**
 * Where an address whose %-escapes cannot be decoded ("/user/%ff",
 * "/parties/%E0%A4%A") is sent instead. Next.js fails to decode such a
 * route parameter before any of our code runs and answers a bare 500 without
 * our headers; the address names nothing here, so it is answered as a missing
 * page is — Next.js's own 404 page, or the API's 404 JSON (its catch-all
 * route) — through the proxy, with the usual headers. Null when the path decodes.
 * @param {string} url @returns {string | null}
 */
export function undecodableTarget(url) {
  const path = url.split("?")[0] ?? "";
  if (!path.includes("%")) return null;
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return path.startsWith("/api/") ? "/api/not-found" : "/_not-found";
  }
}
