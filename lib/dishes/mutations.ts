import "server-only";
import { db, provider, sql, sqlJoin, type RawScalar, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { hostRefusal, partyVisible, type HostRefusal } from "@/lib/party-access/data";

// "What to bring" (prisma/models.prisma Dish, DishClaim). Dish.claimed counts
// an item's claims; the guard against over-claiming is one conditional write
// on it (`claimed < quantity`), the same pattern as a party's seats. Every
// write that removes claims deletes the claim rows first and then moves the
// counters, and a claim locks the guest's answer before the item, so no two
// writes wait for each other in opposite order (no deadlock on PostgreSQL).

/** At most this many items on one party's board. */
export const DISHES_MAX = 50;

/** A host-only write found no item: the host's party lacks it, or the party is not the caller's. */
async function noDish(partyId: number, userId: string): Promise<HostRefusal | { status: "no_dish" }> {
  const hosts = await db.dinnerParty.count({ where: { id: partyId, hostId: userId } });
  return hosts ? { status: "no_dish" } : hostRefusal(partyId, userId);
}

export type AddDishResult = { status: "ok"; dishId: number } | HostRefusal | { status: "too_many" };

/** The host adds an item. */
export async function addDish(
  partyId: number,
  hostId: string,
  input: { name: string; quantity: number },
): Promise<AddDishResult> {
  const party = await db.dinnerParty.findFirst({
    where: { id: partyId, hostId },
    select: { _count: { select: { dishes: true } } },
  });
  if (!party) return hostRefusal(partyId, hostId);
  if (party._count.dishes >= DISHES_MAX) return { status: "too_many" };
  const dish = await db.dish.create({ data: { partyId, ...input }, select: { id: true } });
  return { status: "ok", dishId: dish.id };
}

export type UpdateDishResult =
  { status: "ok" } | HostRefusal | { status: "no_dish" } | { status: "below_claims"; claimed: number };

/** The host renames an item or changes "How many" — never below the claims it has: one conditional write. */
export async function updateDish(
  partyId: number,
  dishId: number,
  hostId: string,
  patch: { name?: string; quantity?: number },
): Promise<UpdateDishResult> {
  // Raw, so that the guard is in the UPDATE itself: a claim committed meanwhile is seen by it.
  const sets = [
    ...(patch.name !== undefined ? [sql`"name" = ${patch.name}`] : []),
    ...(patch.quantity !== undefined ? [sql`"quantity" = ${patch.quantity}`] : []),
  ];
  if (sets.length === 0) return { status: "ok" };
  const count = await db.$executeRaw`
    UPDATE "Dish" SET ${sqlJoin(sets, ", ")}
    WHERE "id" = ${dishId} AND "partyId" = ${partyId}
      AND EXISTS (SELECT 1 FROM "DinnerParty" p WHERE p."id" = ${partyId} AND p."hostId" = ${hostId})
      ${patch.quantity !== undefined ? sql`AND "claimed" <= ${patch.quantity}` : sql``}`;
  if (count === 1) return { status: "ok" };
  const dish = await db.dish.findFirst({
    where: { id: dishId, partyId, party: { hostId } },
    select: { claimed: true },
  });
  if (dish) return { status: "below_claims", claimed: dish.claimed };
  return noDish(partyId, hostId);
}

export type RemoveDishResult = { status: "ok" } | HostRefusal | { status: "no_dish" };

/** The host removes an item, and its claims with it. */
export async function removeDish(partyId: number, dishId: number, hostId: string): Promise<RemoveDishResult> {
  const removed = await db.$transaction(async (tx) => {
    const mine = { id: dishId, partyId, party: { hostId } };
    if ((await tx.dish.count({ where: mine })) === 0) return false;
    // Claims first, then the item: the order every other write takes them in.
    await tx.dishClaim.deleteMany({ where: { dishId, partyId } });
    return (await tx.dish.deleteMany({ where: mine })).count === 1;
  });
  if (removed) return { status: "ok" };
  return noDish(partyId, hostId);
}

export type ClaimResult =
  | { status: "ok" }
  | { status: "not_found" }
  | { status: "not_going" }
  | { status: "no_dish" }
  | { status: "already" }
  | { status: "full" };

// PostgreSQL: the guest's answer stays "going" until this claim is in, and a
// change of answer (which drops the claims) waits for it.
const LOCK_ANSWER = provider === "postgresql" ? sql`FOR UPDATE` : sql``;

/** "I'll bring it": one of the item, for a going guest (the host included), while any is left. */
export async function claimDish(partyId: number, dishId: number, userId: string, note = ""): Promise<ClaimResult> {
  try {
    return await db.$transaction(async (tx): Promise<ClaimResult> => {
      const going = await tx.$queryRaw<{ userId: string }[]>`
        SELECT "userId" FROM "Attendance"
        WHERE "partyId" = ${partyId} AND "userId" = ${userId} AND "response" = 'going'
        ${LOCK_ANSWER}`;
      if (going.length === 0) {
        return { status: (await partyVisible(partyId, userId, tx)) ? "not_going" : "not_found" };
      }
      const dish = await tx.dish.findFirst({ where: { id: dishId, partyId }, select: { id: true } });
      if (!dish) return { status: "no_dish" };
      const mine = await tx.dishClaim.count({ where: { dishId, userId } });
      if (mine > 0) return { status: "already" };
      // The guard: one more claim only while fewer than "How many" are taken.
      const took = await tx.$executeRaw`
        UPDATE "Dish" SET "claimed" = "claimed" + 1
        WHERE "id" = ${dishId} AND "partyId" = ${partyId} AND "claimed" < "quantity"`;
      if (took !== 1) return { status: "full" };
      await tx.dishClaim.create({ data: { dishId, partyId, userId, note }, select: { dishId: true } });
      return { status: "ok" };
    });
  } catch (error) {
    // The same guest claiming twice at once: the primary key keeps one, the other rolls back whole.
    if (isUniqueViolation(error)) return { status: "already" };
    throw error;
  }
}

export type UnclaimResult = { status: "ok" } | { status: "not_found" } | { status: "no_dish" } | { status: "no_claim" };

/** "I can't bring it": the guest's claim goes, and the item has one more to bring. */
export async function unclaimDish(partyId: number, dishId: number, userId: string): Promise<UnclaimResult> {
  const dropped = await db.$transaction(async (tx) => (await releaseClaims(tx, { partyId, userId, dishId })) > 0);
  if (dropped) return { status: "ok" };
  if (!(await partyVisible(partyId, userId))) return { status: "not_found" };
  const dish = await db.dish.count({ where: { id: dishId, partyId } });
  return { status: dish ? "no_claim" : "no_dish" };
}

/** Delete the claims, then give each item its unit back; how many went. */
async function releaseClaims(tx: Tx, c: { partyId: number; userId: string; dishId?: number }): Promise<number> {
  const gone = await tx.$queryRaw<{ dishId: RawScalar }[]>`
    DELETE FROM "DishClaim"
    WHERE "partyId" = ${c.partyId} AND "userId" = ${c.userId}
      ${c.dishId === undefined ? sql`` : sql`AND "dishId" = ${c.dishId}`}
    RETURNING "dishId"`;
  for (const { dishId } of gone)
    await tx.$executeRaw`UPDATE "Dish" SET "claimed" = "claimed" - 1 WHERE "id" = ${Number(dishId)}`;
  return gone.length;
}

/**
 * A guest stopped going (changed their answer, cancelled, was removed, left
 * with their account): their claims on the party's board go, in the caller's
 * transaction (lib/parties/mutations/).
 */
export async function dropClaims(tx: Tx, partyId: number, userId: string): Promise<void> {
  await releaseClaims(tx, { partyId, userId });
}
