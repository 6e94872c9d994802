import { requireApiUser } from "@/lib/auth/loaders";
import { dishError, toApiDish } from "@/lib/dishes/api";
import { listDishes } from "@/lib/dishes/data";
import { addDish } from "@/lib/dishes/mutations";
import { dishApiSchema } from "@/lib/dishes/schema";
import { apiRoute, ApiError, json, methodNotAllowed, readJson } from "@/lib/http/api";
import { partyIdParam } from "@/lib/parties/api";
import { PARTY_NOT_FOUND } from "@/lib/parties/messages";

type Ctx = { params: Promise<{ id: string }> };

/** The board, as the viewer may see it: counts for all who see the party, names where the guest list shows. */
export const GET = apiRoute<Ctx>(async (_req, { params }) => {
  const user = await requireApiUser();
  const board = await listDishes(await partyIdParam(params), user.id);
  if (!board) throw new ApiError(404, PARTY_NOT_FOUND);
  return json({ dishes: board.dishes.map(toApiDish) });
});

/** The host adds an item: 201 with it. */
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const user = await requireApiUser();
  const id = await partyIdParam(params);
  const input = await readJson(req, dishApiSchema);
  const result = await addDish(id, user.id, input);
  if (result.status !== "ok") throw dishError(result.status);
  return json(toApiDish({ id: result.dishId, ...input, claimed: 0, mine: false, claims: [] }), 201);
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");
