import "server-only";
import { db, sqlJoin, type RawScalar } from "@/lib/db";
import { orderNeeds, type DietaryNeed, type DietaryProfile } from "./schema";

// Dietary needs are health data. Two reads exist, and each carries its rule
// in the `where`: a person reads their own profile; a host reads the needs
// of the guests going to their party who share them. Nothing else in the
// app selects from DietaryProfile (lib/dietary/privacy.test.ts checks every
// surface), so no page, API answer or file can show them to anyone else.

export const NO_NEEDS: DietaryProfile = { needs: [], other: "", share: true };

/** The stored comma-separated keys, as needs (an unknown key, should one ever be stored, is dropped). */
export function parseNeeds(stored: string): DietaryNeed[] {
  return orderNeeds(stored.split(","));
}

/** One's own profile: no row reads as no needs, shared. */
export async function getDietaryProfile(userId: string): Promise<DietaryProfile> {
  const row = await db.dietaryProfile.findUnique({
    where: { userId },
    select: { needs: true, other: true, share: true },
  });
  return row ? { needs: parseNeeds(row.needs), other: row.other, share: row.share } : NO_NEEDS;
}

export type GuestNeeds = { username: string; needs: DietaryNeed[]; other: string };

export type PartyDietary = {
  /** per need, how many of the sharing going guests have it (needs nobody has are left out) */
  counts: Partial<Record<DietaryNeed, number>>;
  /** the going guests who share something, in the order they answered */
  guests: GuestNeeds[];
};

type Row = { partyId: RawScalar; username: string; needs: string; other: string };

/**
 * The host's summary for each of `partyIds` that `hostId` hosts: the going
 * guests (the host left out: they know their own) who share their needs and
 * have any. A party the viewer does not host gets nothing.
 */
export async function dietaryForHost(partyIds: number[], hostId: string): Promise<Map<number, PartyDietary>> {
  const out = new Map<number, PartyDietary>();
  if (partyIds.length === 0) return out;
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."partyId", u."username", d."needs", d."other"
    FROM "DinnerParty" p
      JOIN "Attendance" a ON a."partyId" = p."id" AND a."response" = 'going' AND a."userId" <> p."hostId"
      JOIN "DietaryProfile" d ON d."userId" = a."userId" AND d."share"
      JOIN "User" u ON u."id" = a."userId"
    WHERE p."id" IN (${sqlJoin(partyIds)}) AND p."hostId" = ${hostId}
      AND (d."needs" <> '' OR d."other" <> '')
    ORDER BY a."partyId", a."createdAt", a."userId"`;
  for (const r of rows) {
    const id = Number(r.partyId);
    const entry = out.get(id) ?? { counts: {}, guests: [] };
    const needs = parseNeeds(r.needs);
    for (const n of needs) entry.counts[n] = (entry.counts[n] ?? 0) + 1;
    entry.guests.push({ username: r.username, needs, other: r.other });
    out.set(id, entry);
  }
  return out;
}

/** One party's summary for its host; null unless `hostId` hosts it. */
export async function partyDietary(partyId: number, hostId: string): Promise<PartyDietary | null> {
  const hosts = await db.dinnerParty.count({ where: { id: partyId, hostId } });
  if (hosts === 0) return null;
  return (await dietaryForHost([partyId], hostId)).get(partyId) ?? { counts: {}, guests: [] };
}
