"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import "@/lib/validation/zod";
import { currentSessionToken, signOutHere } from "@/auth";
import { deleteOtherSessions } from "@/lib/auth/sessions";
import { setFlash } from "@/lib/flash";
import { tooManyMessage } from "@/lib/parties/limits";
import { buttonActionWithUser, validatedActionWithUser } from "@/lib/safe-action";
import { changePasswordSchema, deleteAccountSchema } from "@/lib/validation/account";
import { changePassword, deleteAccount, type AccountResult } from "./account";

function refusal(result: Exclude<AccountResult, { status: "ok" }>) {
  return result.status === "throttled"
    ? { status: "error" as const, message: tooManyMessage(result.retryAfter) }
    : { status: "error" as const, errors: result.errors };
}

export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (input, user) => {
  const result = await changePassword(user, input, await currentSessionToken());
  if (result.status !== "ok") return refusal(result);
  await setFlash("Your password has been changed. Every other session has been logged out.");
  redirect("/settings");
});

export const logoutOtherSessionsAction = buttonActionWithUser(z.object({}), async (_input, user) => {
  const count = await deleteOtherSessions(user.id, await currentSessionToken());
  await setFlash(
    count === 0 ? "There were no other sessions." : `Logged out of ${count} other session${count === 1 ? "" : "s"}.`,
  );
  redirect("/settings");
});

export const deleteAccountAction = validatedActionWithUser(deleteAccountSchema, async ({ password }, user) => {
  const result = await deleteAccount(user.id, password);
  if (result.status !== "ok") return refusal(result);
  await signOutHere();
  await setFlash("Your account has been deleted. We are sorry to see you go.");
  revalidatePath("/", "layout");
  redirect("/");
});
