// Where to send someone after login (callbackUrl) or back to after a button
// (returnTo). Only paths on this site are honoured. The value is normalised
// first — dot segments, encoded dots ("%2e") and whatever else the URL parser
// rewrites — and the decision is made on the result, because the result is
// what a browser follows: "/.//evil.example" normalises to "//evil.example".
// Refused: anything that does not resolve to this origin, any result that
// starts with two slashes, backslashes anywhere, and control characters that
// browsers strip before parsing ("/\t/evil.example" is "//evil.example" to a
// browser).

const BASE = "http://dinnerparty.invalid";

export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  if (!value.startsWith("/")) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // A path the parser made scheme-relative ("/.//evil.example"). The parser
  // always answers a pathname that starts with "/", and the input had no
  // backslash or control character for it to keep.
  if (path.startsWith("//")) return null;
  return path;
}
