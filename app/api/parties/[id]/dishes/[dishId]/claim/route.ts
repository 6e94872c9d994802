import { requireApiUser } from "@/lib/auth/loaders";
import { dishError, dishIdParam, toApiDish } from "@/lib/dishes/api";
import { listDishes } from "@/lib/dishes/data";
import { claimDish, unclaimDish } from "@/lib/dishes/mutations";
import { claimApiSchema } from "@/lib/dishes/schema";
import { apiRoute, json, methodNotAllowed, noContent, readOptionalJson } from "@/lib/http/api";
import { partyIdParam } from "@/lib/parties/api";

type Ctx = { params: Promise<{ id: string; dishId: string }> };

/** "I'll bring it" (going guests): 201 with the item as it now is. An empty body is `{}`. */
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const [id, dishId] = [await partyIdParam(params), await dishIdParam(params)];
  const { note } = await readOptionalJson(req, claimApiSchema);
  const result = await claimDish(id, dishId, user.id, note ?? "");
  if (result.status !== "ok") throw dishError(result.status);
  const dish = (await listDishes(id, user.id))?.dishes.find((d) => d.id === dishId);
  if (!dish) throw dishError("no_dish");
  return json(toApiDish(dish), 201);
});

/** "I can't bring it": 204, or 404 when one was not bringing it. */
export const DELETE = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const [id, dishId] = [await partyIdParam(params), await dishIdParam(params)];
  const result = await unclaimDish(id, dishId, user.id);
  if (result.status !== "ok") throw dishError(result.status);
  return noContent();
});

export const { GET, PUT, PATCH } = methodNotAllowed("POST, DELETE");
