/**
 * A route segment as people wrote it ("%C3%A9" → "é"), or null when its
 * escapes cannot be decoded ("%E0%A4%A"): such an address names nothing here,
 * and its page answers 404 rather than failing.
 */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
