"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { currentSessionToken, getCurrentUser } from "@/lib/sessions/loaders";
import { deleteOtherSessions } from "@/lib/sessions/mutations";
import { signInWithPassword, signOutHere } from "@/lib/auth/sign-in";
import { redirectWithFlash } from "@/lib/flash/mutations";
import { clientIp } from "@/lib/http/client-ip";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { tooManyAccountsMessage, tooOftenMessage } from "@/lib/rate-limit/messages";
import { buttonAction, buttonActionWithUser, validatedAction, validatedActionWithUser } from "@/lib/safe-action";
import "@/lib/zod";
import * as m from "./messages";
import {
  changeEmail,
  changePassword,
  confirmEmail,
  deleteAccount,
  registerUser,
  requestPasswordReset,
  resendConfirmation,
  resetPassword,
  type AccountResult,
} from "./mutations";
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  forgotPasswordSchema,
  registerFormSchema,
  resetPasswordFormSchema,
} from "./schema";

export const registerAction = validatedAction(registerFormSchema, async (input, formData) => {
  const result = await registerUser(input, await clientIp());
  switch (result.status) {
    case "invalid":
      return { status: "error", errors: result.errors };
    case "taken":
      return { status: "error", message: m.USER_TAKEN, errors: result.errors };
    case "throttled":
      return { status: "error", message: tooManyAccountsMessage(result.retryAfter) };
  }
  // As with "Remember me": the welcome mail's link, and every mail of the
  // next days, should find the new account still signed in on this device,
  // not a login form (a browser-session cookie ends after 12 hours).
  const signedIn = await signInWithPassword({ email: input.email, password: input.password, remember: true });
  revalidatePath("/", "layout");
  // An invitation's "Register to RSVP" comes back to the invitation (a same-site path only).
  const back = safeCallbackPath(formData.get("callbackUrl"));
  if (signedIn.status === "ok" && back) redirect(back);
  return redirectWithFlash(
    signedIn.status === "ok" ? `/user/${result.user.username}` : "/login",
    m.welcome(result.user.username),
  );
});

function refusal(result: Exclude<AccountResult, { status: "ok" }>) {
  return result.status === "throttled"
    ? { status: "error" as const, message: tooOftenMessage(result.retryAfter) }
    : { status: "error" as const, errors: result.errors };
}

export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (input, user) => {
  const result = await changePassword(user, input, await currentSessionToken());
  if (result.status !== "ok") return refusal(result);
  return redirectWithFlash("/settings", m.PASSWORD_CHANGED);
});

export const logoutOtherSessionsAction = buttonActionWithUser(z.object({}), async (_input, user) => {
  const count = await deleteOtherSessions(user.id, await currentSessionToken());
  return redirectWithFlash("/settings", m.otherSessionsEnded(count));
});

export const deleteAccountAction = validatedActionWithUser(deleteAccountSchema, async ({ password }, user) => {
  const result = await deleteAccount(user.id, password);
  if (result.status !== "ok") return refusal(result);
  await signOutHere();
  revalidatePath("/", "layout");
  return redirectWithFlash("/", m.ACCOUNT_DELETED);
});

/** /forgot-password: the same words whether or not the address has an account. */
export const forgotPasswordAction = validatedAction(forgotPasswordSchema, async ({ email }) => {
  const result = await requestPasswordReset(email, await clientIp());
  if (result.status === "throttled") return { status: "error", message: tooOftenMessage(result.retryAfter) };
  return redirectWithFlash("/forgot-password", m.RESET_REQUESTED, "success");
});

/** /reset-password/{token}: a new password, then log in with it. */
export const resetPasswordAction = validatedAction(resetPasswordFormSchema, async ({ password }, formData) => {
  const token = String(formData.get("token") ?? "");
  const result = await resetPassword(token, password);
  if (result.status === "invalid_link") return { status: "error", message: m.RESET_LINK_INVALID };
  if (result.status === "invalid") return { status: "error", errors: result.errors };
  await signOutHere();
  return redirectWithFlash("/login", m.PASSWORD_RESET, "success");
});

/** "Send the link again" on one's own profile. */
export const resendConfirmationAction = buttonActionWithUser(z.object({}), async (_input, user, back) => {
  const result = await resendConfirmation(user.id);
  if (result.status === "throttled") return redirectWithFlash(back, tooOftenMessage(result.retryAfter), "error");
  return redirectWithFlash(back, result.status === "sent" ? m.CONFIRMATION_SENT : m.ALREADY_CONFIRMED, "success");
});

/**
 * "Confirm" on the page of a confirmation link: the address is confirmed by
 * this post, never by opening the link (a mail scanner opens links). The
 * browser that confirms keeps its session; a change of address ends the
 * account's others (lib/users/mutations.ts confirmEmail).
 */
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  await buttonAction(async () => {
    const [user, session] = await Promise.all([getCurrentUser(), currentSessionToken()]);
    const result = await confirmEmail(token, new Date(), session);
    if (result.status !== "ok") redirect(`/verify-email/${encodeURIComponent(token)}`);
    revalidatePath("/", "layout");
    return redirectWithFlash(user ? `/user/${user.username}` : "/login", m.EMAIL_CONFIRMED);
  })(formData);
}

/** /settings "Change email". */
export const changeEmailAction = validatedActionWithUser(changeEmailSchema, async (input, user) => {
  const result = await changeEmail(user, input);
  if (result.status !== "ok") return refusal(result);
  return redirectWithFlash("/settings", m.emailChangeRequested(input.newEmail));
});
