import { requireApiUser } from "@/lib/auth/loaders";
import { dishError, dishIdParam, toApiDish } from "@/lib/dishes/api";
import { listDishes } from "@/lib/dishes/data";
import { removeDish, updateDish } from "@/lib/dishes/mutations";
import { dishPatchApiSchema } from "@/lib/dishes/schema";
import { apiRoute, json, methodNotAllowed, noContent, readJson } from "@/lib/http/api";
import { partyIdParam } from "@/lib/parties/api";

type Ctx = { params: Promise<{ id: string; dishId: string }> };

/** The host renames an item or changes "How many" (never below its claims: 409). */
export const PATCH = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const [id, dishId] = [await partyIdParam(params), await dishIdParam(params)];
  const patch = await readJson(req, dishPatchApiSchema);
  const result = await updateDish(id, dishId, user.id, patch);
  if (result.status !== "ok") throw dishError(result.status, "claimed" in result ? result.claimed : undefined);
  const dish = (await listDishes(id, user.id))?.dishes.find((d) => d.id === dishId);
  if (!dish) throw dishError("no_dish"); // removed in the meantime
  return json(toApiDish(dish));
});

/** The host removes an item, its claims with it. */
export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const [id, dishId] = [await partyIdParam(params), await dishIdParam(params)];
  const result = await removeDish(id, dishId, user.id);
  if (result.status !== "ok") throw dishError(result.status);
  return noContent();
});

export const { GET, POST, PUT } = methodNotAllowed("PATCH, DELETE");
