import { INCORRECT_CREDENTIALS, LOGGED_IN } from "@/lib/auth/messages";
import { loginSchema } from "@/lib/auth/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { apiRoute, errorJson, json, methodNotAllowed, readJson } from "@/lib/http/api";
import { tooManyLoginsMessage } from "@/lib/rate-limit/messages";

export const POST = apiRoute(async (req) => {
  const input = await readJson(req, loginSchema);
  const result = await signInWithPassword(input);
  if (result.status === "throttled") {
    return errorJson(429, tooManyLoginsMessage(result.retryAfter), undefined, {
      "Retry-After": String(result.retryAfter),
    });
  }
  if (result.status === "invalid") return errorJson(400, INCORRECT_CREDENTIALS);
  return json({ id: result.user.id, username: result.user.username, message: LOGGED_IN });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
