import { getCurrentUser } from "@/lib/auth/loaders";
import { ALREADY_LOGGED_IN } from "@/lib/auth/messages";
import { twoFactorEnabled } from "@/lib/two-factor/data";
import { apiRoute, json, methodNotAllowed, unauthorized } from "@/lib/http/api";

export const GET = apiRoute(async () => {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  const me = { message: ALREADY_LOGGED_IN, id: user.id, username: user.username, email: user.email };
  // The first answer's shape, byte for byte, for accounts without two-factor (decision 028).
  return json((await twoFactorEnabled(user.id)) ? { ...me, twoFactor: true } : me);
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
