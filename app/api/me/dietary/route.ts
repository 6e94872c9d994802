import { requireApiUser } from "@/lib/auth/loaders";
import { toApiDietary } from "@/lib/dietary/api";
import { getDietaryProfile } from "@/lib/dietary/data";
import { saveDietaryProfile } from "@/lib/dietary/mutations";
import { dietaryApiSchema } from "@/lib/dietary/schema";
import { apiRoute, json, methodNotAllowed, readJson } from "@/lib/http/api";

/** One's own dietary profile: `{needs, other, share}`. */
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return json(toApiDietary(await getDietaryProfile(user.id)));
});

/** Change any of the three (the others stay); answers all three as they now are. */
export const PUT = apiRoute(async (req) => {
  const user = await requireApiUser();
  await saveDietaryProfile(user.id, await readJson(req, dietaryApiSchema));
  return json(toApiDietary(await getDietaryProfile(user.id)));
});

export const { POST, PATCH, DELETE } = methodNotAllowed("GET, PUT");
