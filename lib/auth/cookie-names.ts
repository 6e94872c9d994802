// The session cookie's name, shared by auth.ts and proxy.ts. Over HTTPS the
// `__Host-` prefix pins it to this exact host (Secure, no Domain, Path=/).
export const SESSION_COOKIE = "dp.session";

export function sessionCookieName(https: boolean): string {
  return https ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export const SESSION_COOKIE_NAMES = [sessionCookieName(false), sessionCookieName(true)];
