import { apiRoute, ApiError, methodNotAllowed, noContent, readJson } from "@/lib/http/api";
import { RESET_LINK_INVALID } from "@/lib/users/messages";
import { resetPassword } from "@/lib/users/mutations";
import { resetPasswordApiSchema } from "@/lib/users/schema";

type Ctx = { params: Promise<{ token: string }> };

/** A new password through a reset link: 204, every session of the account ended. */
export const POST = apiRoute<Ctx>(async (req, { params }) => {
  const { password } = await readJson(req, resetPasswordApiSchema);
  const result = await resetPassword((await params).token, password);
  if (result.status === "invalid_link") throw new ApiError(400, RESET_LINK_INVALID);
  if (result.status === "invalid") throw new ApiError(400, "Invalid input.", result.errors);
  return noContent();
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
