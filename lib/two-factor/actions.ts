"use server";

import { currentSessionToken } from "@/lib/sessions/loaders";
import { redirectWithFlash } from "@/lib/flash/mutations";
import type { FormState } from "@/lib/form-state";
import { clientIp } from "@/lib/http/client-ip";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import { buttonActionWithUser, validatedActionWithUser } from "@/lib/safe-action";
import { isHttps } from "@/lib/http/request";
import { cookieName, cookieOptions, TWO_FACTOR_SETUP_COOKIE } from "@/server/shared.mjs";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { WRONG_PASSWORD } from "@/lib/credentials/messages";
import * as m from "./messages";
import { disableTwoFactor, enableTwoFactor, renewRecoveryCodes } from "./mutations";
import { codeFormSchema, disableTwoFactorSchema } from "./schema";
import { encryptSecret, newTotpSecret } from "./codes";

const wrongCode = (message = m.INCORRECT_CODE): FormState => ({ status: "error", errors: { code: [message] } });

/** What "Turn off" and "New recovery codes" answer when the code is not taken. */
async function codeRefused(
  result:
    { status: "incorrect" } | { status: "used" } | { status: "throttled"; retryAfter: number } | { status: "not_on" },
): Promise<FormState> {
  switch (result.status) {
    case "incorrect":
      return wrongCode();
    case "used":
      return wrongCode(m.CODE_JUST_USED);
    case "throttled":
      return { status: "error", message: tooOftenMessage(result.retryAfter) };
    case "not_on":
      return redirectWithFlash("/settings", m.NOT_ON, "error");
  }
}

const SETUP_MS = 15 * 60_000;

async function setupCookie() {
  const https = await isHttps();
  return { name: cookieName(TWO_FACTOR_SETUP_COOKIE, https), options: cookieOptions(https) };
}

/**
 * "Set up two-factor authentication": a new secret, sealed in a cookie of its
 * own for 15 minutes, so that the set-up page shows the same QR code however
 * often it is rendered (with or without JavaScript); nothing is stored yet.
 */
export const startSetupAction = buttonActionWithUser(z.object({}), async () => {
  const { name, options } = await setupCookie();
  (await cookies()).set(name, encryptSecret(newTotpSecret()), { ...options, maxAge: SETUP_MS / 1000 });
  redirect("/settings/two-factor");
});

/** "Turn on" (/settings/two-factor): on success the form shows the ten recovery codes, once. */
export const enableTwoFactorAction = validatedActionWithUser(codeFormSchema, async ({ code }, user) => {
  const { name, options } = await setupCookie();
  const jar = await cookies();
  const result = await enableTwoFactor(user.id, jar.get(name)?.value ?? "", code, await currentSessionToken());
  if (result.status === "ok" || result.status === "already_on") jar.set(name, "", { ...options, maxAge: 0 });
  switch (result.status) {
    case "ok":
      return { status: "success", message: m.TURNED_ON, secrets: result.codes };
    case "incorrect":
      return wrongCode();
    case "invalid_setup":
      return { status: "error", message: m.SETUP_INVALID };
    case "already_on":
      return redirectWithFlash("/settings", m.ALREADY_ON, "error");
  }
});

/** "Turn off": the password and a code. */
export const disableTwoFactorAction = validatedActionWithUser(disableTwoFactorSchema, async (input, user) => {
  const result = await disableTwoFactor(user.id, input, await clientIp(), await currentSessionToken());
  switch (result.status) {
    case "ok":
      return redirectWithFlash("/settings", m.TURNED_OFF);
    case "wrong_password":
      return { status: "error", errors: { password: [WRONG_PASSWORD] } };
    default:
      return codeRefused(result);
  }
});

/** "New recovery codes": a current code; the form shows the new ones, once. */
export const renewRecoveryCodesAction = validatedActionWithUser(codeFormSchema, async ({ code }, user) => {
  const result = await renewRecoveryCodes(user.id, code, await clientIp());
  switch (result.status) {
    case "ok":
      return { status: "success", message: m.CODES_RENEWED, secrets: result.codes };
    default:
      return codeRefused(result);
  }
});
