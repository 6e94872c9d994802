import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, json, methodNotAllowed, readJson, unauthorized } from "@/lib/http/api";
import { toApiPreferences } from "@/lib/notifications/api";
import { getPreferences } from "@/lib/notifications/data";
import { savePreferences } from "@/lib/notifications/mutations";
import { notificationPrefsApiSchema } from "@/lib/notifications/schema";

async function current(userId: string) {
  const prefs = await getPreferences(userId);
  if (!prefs) throw unauthorized();
  return json(toApiPreferences(prefs));
}

/** The five "Email notifications" preferences. */
export const GET = apiRoute(async () => current((await requireApiUser()).id));

/** Change any of them (the others stay); answers all five as they now are. */
export const PUT = apiRoute(async (req) => {
  const user = await requireApiUser();
  await savePreferences(user.id, await readJson(req, notificationPrefsApiSchema));
  return current(user.id);
});

export const { POST, PATCH, DELETE } = methodNotAllowed("GET, PUT");
