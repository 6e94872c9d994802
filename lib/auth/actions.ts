"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signInWithPassword, signOutHere } from "@/auth";
import { setFlash } from "@/lib/flash";
import { clientIp } from "@/lib/http/client-ip";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { buttonAction, keptFields, validatedAction } from "@/lib/safe-action";
import { registerUser, USER_TAKEN_MESSAGE } from "@/lib/users/mutations";
import { loginSchema, registerFormSchema } from "@/lib/validation/auth";
import { INCORRECT_CREDENTIALS, LOGGED_OUT, throttledMessage } from "@/lib/auth/messages";

export const loginAction = validatedAction(loginSchema, async (input, formData) => {
  const result = await signInWithPassword(input);
  if (result.status !== "ok") {
    return {
      status: "error",
      message: result.status === "throttled" ? throttledMessage(result.retryAfter) : INCORRECT_CREDENTIALS,
      fields: keptFields(formData),
    };
  }
  // The navigation shows who is logged in: render the layout again.
  revalidatePath("/", "layout");
  redirect(safeCallbackPath(formData.get("callbackUrl")) ?? `/user/${result.user.username}`);
});

export const registerAction = validatedAction(registerFormSchema, async (input, formData) => {
  const result = await registerUser(input, await clientIp());
  switch (result.status) {
    case "invalid":
      return { status: "error", errors: result.errors, fields: keptFields(formData) };
    case "taken":
      return { status: "error", message: USER_TAKEN_MESSAGE, errors: result.errors, fields: keptFields(formData) };
    case "throttled":
      return {
        status: "error",
        message: `Too many new accounts from your network. Please try again in ${Math.ceil(result.retryAfter / 60)} minutes.`,
        fields: keptFields(formData),
      };
  }
  const signedIn = await signInWithPassword({ email: input.email, password: input.password, remember: false });
  await setFlash(`Welcome to DinnerParty, ${result.user.username}!`);
  revalidatePath("/", "layout");
  redirect(signedIn.status === "ok" ? `/user/${result.user.username}` : "/login");
});

export const logoutAction = buttonAction(async () => {
  await signOutHere();
  await setFlash(LOGGED_OUT);
  revalidatePath("/", "layout");
  redirect("/");
});
