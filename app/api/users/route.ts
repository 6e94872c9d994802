import { apiRoute, errorJson, json, methodNotAllowed, readJson } from "@/lib/http/api";
import { clientIpFrom } from "@/lib/http/client-ip";
import { tooManyAccountsMessage } from "@/lib/rate-limit/messages";
import { USER_TAKEN } from "@/lib/users/messages";
import { registerUser } from "@/lib/users/mutations";
import { registerApiSchema } from "@/lib/users/schema";

export const POST = apiRoute(async (req) => {
  const input = await readJson(req, registerApiSchema);
  const result = await registerUser(input, clientIpFrom(req.headers));
  switch (result.status) {
    case "created":
      return json(result.user, 201);
    case "invalid":
      return errorJson(400, "Invalid input.", result.errors);
    case "taken":
      return errorJson(409, USER_TAKEN);
    case "throttled":
      return errorJson(429, tooManyAccountsMessage(result.retryAfter), undefined, {
        "Retry-After": String(result.retryAfter),
      });
  }
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
