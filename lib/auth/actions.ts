"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { redirectWithFlash } from "@/lib/flash/mutations";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { tooManyLoginsMessage } from "@/lib/rate-limit/messages";
import { buttonAction, keptFields, validatedAction } from "@/lib/safe-action";
import { INCORRECT_CREDENTIALS, LOGGED_OUT } from "./messages";
import { loginSchema } from "./schema";
import { signInWithPassword, signOutHere } from "./sign-in";

export const loginAction = validatedAction(loginSchema, async (input, formData) => {
  const result = await signInWithPassword(input);
  if (result.status !== "ok") {
    return {
      status: "error",
      message: result.status === "throttled" ? tooManyLoginsMessage(result.retryAfter) : INCORRECT_CREDENTIALS,
      fields: keptFields(formData),
    };
  }
  // The navigation shows who is logged in: render the layout again.
  revalidatePath("/", "layout");
  redirect(safeCallbackPath(formData.get("callbackUrl")) ?? `/user/${result.user.username}`);
});

export const logoutAction = buttonAction(async () => {
  await signOutHere();
  revalidatePath("/", "layout");
  return redirectWithFlash("/", LOGGED_OUT);
});
