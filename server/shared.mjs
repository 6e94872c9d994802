// @ts-check
// What the Node front (server/) and the app (proxy.ts, app/, lib/) must agree
// on, stated once. Plain JavaScript: the server runs outside the Next.js build
// and imports it as is; the app imports the same file through the bundler.
// Values handed over at run time (not constants) live in ./bridge.mjs.
import { randomBytes } from "node:crypto";

// ---------------------------------------------------------------- headers

/**
 * The client's address, decided by the server from the socket (or from
 * X-Forwarded-For when TRUST_PROXY=1); a value sent by the client is dropped.
 */
export const CLIENT_IP_HEADER = "x-dinnerparty-client-ip";

/**
 * Set by the server when Next.js's router asks only for a prefetch (Next.js
 * hides its own router headers from the app): a prefetch must not consume a
 * one-shot flash message.
 */
export const PREFETCH_HEADER = "x-dinnerparty-prefetch";
/**
 * Set by the server when Next.js's router asks for a page's payload (RSC)
 * rather than a document — a client navigation, a refresh, or the page an
 * action redirects to, rendered inside the action.
 */
export const PAYLOAD_HEADER = "x-dinnerparty-payload";

/** The path the client asked for, as it reached the server: which page a request is for. */
export const PAGE_PATH_HEADER = "x-dinnerparty-path";

// ------------------------------------------------------------ body caps

/** A JSON API call. The server refuses larger bodies before any work; the API checks again while reading. */
export const MAX_API_BODY_BYTES = 16 * 1024;
/** A form post (Server Actions): the server's cap and Next.js's `serverActions.bodySizeLimit`. */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

// -------------------------------------------------------------------- CSP

/** For answers that are not pages: the API, redirects, error text, the server's own refusals. */
export const DENY_ALL_CSP =
  "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * A fresh CSP nonce: 128 random bits, base64. Made by proxy.ts for every page
 * and by the page cache for every answer it gives from memory, which finds
 * the nonce a kept page was rendered with by this same format.
 */
export function newNonce() {
  return randomBytes(16).toString("base64");
}

/** The nonce of a Content-Security-Policy header, if it has one. @param {string} csp */
export function nonceIn(csp) {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
}

// ---------------------------------------------------------- configuration

// One schema of the environment (./config.mjs); the app reads it from here.
export { config, readConfig, startupProblems } from "./config.mjs";

/**
 * Where the site is when no request says: APP_URL, else http://localhost:{PORT}.
 * The start-up log's address, and every link in a mail.
 * @param {{ appUrl?: string, port: number }} site
 */
export function defaultOrigin({ appUrl, port }) {
  return appUrl ?? `http://localhost:${port}`;
}

/**
 * What the server says once it listens. Without APP_URL a page's links follow
 * the address it was opened at, but a mail's cannot (a forged Host header must
 * not choose where a reset link points): say so, once, where the operator looks.
 * @param {{ appUrl?: string, port: number }} site
 */
export function readyLines(site) {
  const origin = defaultOrigin(site);
  if (site.appUrl) return [`Ready on ${origin}`];
  return [
    `Ready on ${origin}`,
    `APP_URL is not set: links in mail point to ${origin}. Set APP_URL to the address people open (README "Configuration").`,
  ];
}

// ---------------------------------------------------------------- cookies
// Over HTTPS every cookie of ours gets the `__Host-` prefix, which browsers
// accept only with Secure, Path=/ and no Domain: it cannot be set or
// overwritten by a sibling subdomain or a plain-HTTP page. On
// http://localhost (development, the quick start) the plain name is used.

/** @param {string} base @param {boolean} https @returns {string} */
export function cookieName(base, https) {
  return https ? `__Host-${base}` : base;
}

/** Options every cookie of ours carries. @param {boolean} https */
export function cookieOptions(https) {
  return { httpOnly: true, sameSite: /** @type {const} */ ("lax"), path: "/", secure: https };
}

export const SESSION_COOKIE = "dp.session";
export const SESSION_COOKIE_NAMES = [cookieName(SESSION_COOKIE, false), cookieName(SESSION_COOKIE, true)];
export const FLASH_COOKIE = "dp.flash";
export const TIME_ZONE_COOKIE = "dp.tz";
export const CSRF_COOKIE = "dp.csrf";
export const CALLBACK_COOKIE = "dp.callback-url";
/** The pending second step of a login with two-factor on (5 minutes, no session). */
export const LOGIN_STEP_COOKIE = "dp.login-step";
/** A two-factor secret being set up, sealed (lib/two-factor): nothing is stored until a code checks. */
export const TWO_FACTOR_SETUP_COOKIE = "dp.2fa-setup";

// ----------------------------------------------------------------- locale

/** Dates are written in the viewer's language when ICU has it, else in this one. */
export const DEFAULT_LOCALE = "en-GB";

/** @type {Map<string, string>} */
const resolvedLocales = new Map();
const MAX_REMEMBERED_LOCALES = 500;

/**
 * The locale pages are rendered in for an Accept-Language header: the first
 * tag ICU can format dates in, as ICU resolves it, without Unicode extensions
 * ("fr-CH;q=0.9" → "fr-CH", "en-u-ca-buddhist" → "en", "xx" → "en-GB"). The
 * answer is one of ICU's locales, a small fixed set, whatever a client sends:
 * the page cache keys on it, so a client cannot grow the cache by inventing
 * headers. Answers are remembered (ICU is slow to ask); the memo is emptied
 * when full.
 * @param {string | null | undefined} acceptLanguage @returns {string}
 */
export function resolveLocale(acceptLanguage) {
  const header = (acceptLanguage ?? "").slice(0, 256);
  let locale = resolvedLocales.get(header);
  if (locale === undefined) {
    if (resolvedLocales.size >= MAX_REMEMBERED_LOCALES) resolvedLocales.clear();
    locale = firstSupportedLocale(header);
    resolvedLocales.set(header, locale);
  }
  return locale;
}

/** @param {string} header @returns {string} */
function firstSupportedLocale(header) {
  for (const part of header.split(",").slice(0, 16)) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf(tag).length === 0) continue;
      const { language, script, region } = new Intl.Locale(new Intl.DateTimeFormat(tag).resolvedOptions().locale);
      return [language, script, region].filter(Boolean).join("-");
    } catch {
      // not a valid language tag: try the next one
    }
  }
  return DEFAULT_LOCALE;
}
