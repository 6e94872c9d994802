// The cursor names the last party of a page by (startsAt, id), the order of
// the list, so a party deleted meanwhile cannot break the next page.

export type Cursor = { startsAt: Date; id: number };

export function encodeCursor(p: Cursor): string {
  return Buffer.from(`${p.startsAt.getTime()}.${p.id}`).toString("base64url");
}

const LAST_STORABLE_TIME = Date.UTC(10000, 0, 1);

export function decodeCursor(value: string): Cursor | null {
  if (value.length > 64) return null;
  const m = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(value, "base64url").toString());
  if (!m) return null;
  const startsAt = new Date(Number(m[1]));
  const id = Number(m[2]);
  // Both databases store years 0–9999 only; a cursor past that names no party.
  return startsAt.getTime() < LAST_STORABLE_TIME && id <= 2_147_483_647 ? { startsAt, id } : null;
}
