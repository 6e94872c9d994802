// The one rule of a party id, for every domain that takes one from a URL or a form.

/** A party id from a URL or the "Party ID" field: digits only, within a database integer. */
export function parsePartyId(value: unknown): number | null {
  if (typeof value === "number")
    return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647 ? value : null;
  if (typeof value !== "string") return null;
  const s = value.trim().replace(/^#/, "");
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
