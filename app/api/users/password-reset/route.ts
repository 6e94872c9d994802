import { apiRoute, json, methodNotAllowed, readJson, tooMany } from "@/lib/http/api";
import { clientIpFrom } from "@/lib/http/client-ip";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import { RESET_REQUESTED } from "@/lib/users/messages";
import { requestPasswordReset } from "@/lib/users/mutations";
import { forgotPasswordSchema } from "@/lib/users/schema";

/** "Forgot your password?": 202 with the same words whether or not the address has an account. */
export const POST = apiRoute(async (req) => {
  const { email } = await readJson(req, forgotPasswordSchema);
  const result = await requestPasswordReset(email, clientIpFrom(req.headers));
  if (result.status === "throttled") throw tooMany(tooOftenMessage(result.retryAfter), result.retryAfter);
  return json({ message: RESET_REQUESTED }, 202);
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
