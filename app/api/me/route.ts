import { getCurrentUser } from "@/lib/auth/loaders";
import { ALREADY_LOGGED_IN } from "@/lib/auth/messages";
import { apiRoute, json, methodNotAllowed, unauthorized } from "@/lib/http/api";

export const GET = apiRoute(async () => {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return json({ message: ALREADY_LOGGED_IN, id: user.id, username: user.username, email: user.email });
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
