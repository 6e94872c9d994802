import "server-only";
import { ApiError } from "@/lib/http/api";
import type { Dish } from "./data";
import { dishRefused, NO_SUCH_DISH, type DishRefusalStatus } from "./messages";
import { parseDishId } from "./schema";

/**
 * A dish as GET/POST/PATCH …/dishes answer it. `claimed` is the count, for
 * everyone who can see the party; `claims` names who brings it, and is empty
 * for a viewer who may not see the guest list.
 */
export function toApiDish(d: Dish) {
  return {
    id: d.id,
    name: d.name,
    quantity: d.quantity,
    claimed: d.claimed,
    claims: d.claims.map((c) => ({ username: c.username, note: c.note })),
  };
}

/** The {dishId} of …/dishes/{dishId}: an item id, else 404. */
export async function dishIdParam(params: Promise<{ dishId: string }>): Promise<number> {
  const id = parseDishId((await params).dishId);
  if (!id) throw new ApiError(404, NO_SUCH_DISH);
  return id;
}

/** A refused write to the board, as the API answers it. */
export function dishError(status: DishRefusalStatus, claimed?: number): ApiError {
  const r = dishRefused(status, claimed);
  return new ApiError(r.status, r.message);
}
