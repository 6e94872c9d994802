import "server-only";
import { db, sql, type RawScalar, type Sql, type Tx } from "@/lib/db";

// What every domain about a party needs to reach one: who may see it, what
// it is called, and why a host-only write found nothing. Below lib/parties,
// lib/dishes, lib/invitations and lib/notifications alike, so each can apply
// the same rule without importing another (docs/decisions/031-domain-order.md).

/**
 * Who may see a party, as a condition on `p` (the DinnerParty row): a listed
 * party, or an invite-only one the viewer hosts, has an answer to, or opened
 * the invitation link of — a guest the host removed counts as anyone else.
 * Part of the `where` of every read of a party, in every domain, so a party
 * the viewer may not see is a missing one on every surface.
 */
export function visibleTo(viewerId: string | null): Sql {
  if (viewerId === null) return sql`p."visibility" = 'listed'`;
  return sql`(p."visibility" = 'listed' OR p."hostId" = ${viewerId}
    OR EXISTS (SELECT 1 FROM "Attendance" va
               WHERE va."partyId" = p."id" AND va."userId" = ${viewerId} AND va."response" <> 'removed')
    OR (EXISTS (SELECT 1 FROM "PartyVisit" vv WHERE vv."partyId" = p."id" AND vv."userId" = ${viewerId})
        AND NOT EXISTS (SELECT 1 FROM "Attendance" vr
                        WHERE vr."partyId" = p."id" AND vr."userId" = ${viewerId} AND vr."response" = 'removed')))`;
}

/**
 * What a party is called: the host's title, else "Dinner at {venue}" — but
 * never a venue the viewer may not see.
 */
export function partyTitle(title: string | null, venue: string | null, host: string): string {
  return title ?? (venue === null ? `${host}'s dinner party` : `Dinner at ${venue}`);
}

/** Whether the party is there for `userId` (the rule of every read of a party). */
export async function partyVisible(partyId: number, userId: string, tx: Tx = db): Promise<boolean> {
  const seen = await tx.$queryRaw<{ id: RawScalar }[]>`
    SELECT p."id" FROM "DinnerParty" p WHERE p."id" = ${partyId} AND ${visibleTo(userId)}`;
  return seen.length > 0;
}

export type HostRefusal = { status: "not_found" } | { status: "forbidden" };

/**
 * After a host-only write matched nothing: was the party missing (or one the
 * caller may not see, which must look the same: 404), or someone else's (403)?
 */
export async function hostRefusal(partyId: number, callerId: string, tx: Tx = db): Promise<HostRefusal> {
  return (await partyVisible(partyId, callerId, tx)) ? { status: "forbidden" } : { status: "not_found" };
}
