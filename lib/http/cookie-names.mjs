// @ts-check
// Cookie names. Over HTTPS every cookie of ours gets the `__Host-` prefix,
// which browsers accept only with Secure, Path=/ and no Domain: it cannot be
// set or overwritten by a sibling subdomain or a plain-HTTP page. On
// http://localhost (development, the quick start) the plain name is used.
// Plain JavaScript: proxy.ts and the app use it, and so does the page cache
// in server.mjs, which runs outside the Next.js build.

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
