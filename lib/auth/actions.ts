"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { redirectWithFlash } from "@/lib/flash/mutations";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { tooManyLoginsMessage } from "@/lib/rate-limit/messages";
import { buttonAction, validatedAction } from "@/lib/safe-action";
import { INCORRECT_CREDENTIALS, LOGGED_OUT } from "./messages";
import { loginSchema } from "./schema";
import { cancelLoginStep, signInWithCode, signInWithPassword, signOutHere } from "./sign-in";
import * as z from "zod/mini";
import { CODE_JUST_USED, INCORRECT_CODE, STEP_EXPIRED } from "@/lib/two-factor/messages";
import { codeFormSchema } from "@/lib/two-factor/schema";

export const loginAction = validatedAction(loginSchema, async (input, formData) => {
  const result = await signInWithPassword({ ...input, twoFactorStep: true });
  const callback = safeCallbackPath(formData.get("callbackUrl"));
  // The password was right; the page now asks for the code (the step's cookie is set).
  if (result.status === "two_factor_required") redirect(loginPath(callback));
  if (result.status !== "ok") {
    return {
      status: "error",
      message: result.status === "throttled" ? tooManyLoginsMessage(result.retryAfter) : INCORRECT_CREDENTIALS,
    };
  }
  // The navigation shows who is logged in: render the layout again.
  revalidatePath("/", "layout");
  redirect(callback ?? `/user/${result.user.username}`);
});

function loginPath(callback: string | null): string {
  return callback ? `/login?callbackUrl=${encodeURIComponent(callback)}` : "/login";
}

/**
 * "Verify", the second step of /login with two-factor on: a plain form (the
 * login page's script is at its budget), answered with a flash message on a
 * wrong or expired step, the callback page on success.
 */
export async function verifyCodeAction(formData: FormData): Promise<void> {
  const callback = safeCallbackPath(formData.get("callbackUrl"));
  await buttonAction(async () => {
    const back = loginPath(callback);
    const parsed = z.safeParse(codeFormSchema, { code: formData.get("code") ?? "" });
    if (!parsed.success) return redirectWithFlash(back, parsed.error.issues[0]?.message ?? INCORRECT_CODE, "error");
    const result = await signInWithCode(parsed.data.code);
    switch (result.status) {
      case "ok":
        revalidatePath("/", "layout");
        redirect(callback ?? `/user/${result.user.username}`);
      case "throttled":
        return redirectWithFlash(back, tooManyLoginsMessage(result.retryAfter), "error");
      case "incorrect_code":
        return redirectWithFlash(back, INCORRECT_CODE, "error");
      case "used_code":
        return redirectWithFlash(back, CODE_JUST_USED, "error");
      default:
        return redirectWithFlash(back, STEP_EXPIRED, "error");
    }
  })(formData);
}

/** "Log in as someone else" on the second step: the pending step goes. */
export const cancelLoginStepAction = buttonAction(async () => {
  await cancelLoginStep();
  redirect("/login");
});

export const logoutAction = buttonAction(async () => {
  await signOutHere();
  revalidatePath("/", "layout");
  return redirectWithFlash("/", LOGGED_OUT);
});
