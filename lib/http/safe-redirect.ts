// Where to send someone after login. Only paths on this site are honoured:
// "//evil.example", "/\evil.example", "https://evil.example" and
// "javascript:…" are refused, as are control characters that browsers strip
// before parsing ("/\t/evil.example" is "//evil.example" to a browser).

const BASE = "http://dinnerparty.invalid";

export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return url.pathname + url.search + url.hash;
}
