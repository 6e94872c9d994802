import "server-only";
import { db, rawBool, type RawScalar } from "@/lib/db";
import { visibleTo } from "@/lib/party-access/data";

export type DishClaimView = { username: string; note: string };

export type Dish = {
  id: number;
  name: string;
  quantity: number;
  claimed: number;
  /** whether the viewer is bringing one */
  mine: boolean;
  /** who brings it: empty for a viewer who may not see the guest list */
  claims: DishClaimView[];
};

export type DishBoard = {
  dishes: Dish[];
  /** whether the viewer sees who brings what (the host, or anyone while the guest list is shown) */
  names: boolean;
};

/**
 * A party's "What to bring" board as `viewerId` may see it, or null when the
 * party is not there for them. The counts are for everyone who can see the
 * party; the names only where the guest list is: for the host, or while the
 * host has not hidden it. Both conditions are in the queries' `where`.
 */
export async function listDishes(partyId: number, viewerId: string | null): Promise<DishBoard | null> {
  const party = await db.$queryRaw<{ names: RawScalar | boolean }[]>`
    SELECT CASE WHEN p."hostId" = ${viewerId} OR NOT p."guestListHidden" THEN 1 ELSE 0 END AS "names"
    FROM "DinnerParty" p WHERE p."id" = ${partyId} AND ${visibleTo(viewerId)}`;
  if (party.length === 0) return null;
  const names = rawBool(party[0]!.names);
  const dishes = await db.dish.findMany({
    where: { partyId },
    orderBy: { id: "asc" },
    select: { id: true, name: true, quantity: true, claimed: true },
  });
  if (dishes.length === 0) return { dishes: [], names };
  const claims = await db.$queryRaw<{ dishId: RawScalar; userId: string; username: string; note: string }[]>`
    SELECT c."dishId", c."userId", u."username", c."note"
    FROM "DishClaim" c JOIN "User" u ON u."id" = c."userId"
    JOIN "DinnerParty" p ON p."id" = c."partyId"
    WHERE c."partyId" = ${partyId}
      AND (c."userId" = ${viewerId} OR p."hostId" = ${viewerId} OR NOT p."guestListHidden")
    ORDER BY c."createdAt", c."userId"`;
  return {
    names,
    dishes: dishes.map((d) => {
      const own = claims.filter((c) => Number(c.dishId) === d.id);
      return {
        ...d,
        mine: own.some((c) => c.userId === viewerId),
        claims: names ? own.map((c) => ({ username: c.username, note: c.note })) : [],
      };
    }),
  };
}
