import { INCORRECT_CREDENTIALS, LOGGED_IN } from "@/lib/auth/messages";
import { loginApiSchema } from "@/lib/auth/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { apiRoute, errorJson, json, methodNotAllowed, readJson } from "@/lib/http/api";
import { tooManyLoginsMessage } from "@/lib/rate-limit/messages";
import { CODE_JUST_USED, CODE_REQUIRED, INCORRECT_CODE } from "@/lib/two-factor/messages";

export const POST = apiRoute(async (req) => {
  const input = await readJson(req, loginApiSchema);
  const result = await signInWithPassword(input);
  switch (result.status) {
    case "throttled":
      return errorJson(429, tooManyLoginsMessage(result.retryAfter), undefined, {
        "Retry-After": String(result.retryAfter),
      });
    case "invalid":
      return errorJson(400, INCORRECT_CREDENTIALS);
    case "two_factor_required":
      return json({ message: CODE_REQUIRED, twoFactorRequired: true }, 401);
    case "incorrect_code":
      return errorJson(400, INCORRECT_CODE);
    case "used_code":
      return errorJson(400, CODE_JUST_USED);
    case "ok":
      return json({ id: result.user.id, username: result.user.username, message: LOGGED_IN });
  }
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
