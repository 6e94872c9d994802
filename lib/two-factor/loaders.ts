import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { isHttps } from "@/lib/http/request";
import { cookieName, TWO_FACTOR_SETUP_COOKIE } from "@/server/shared.mjs";
import { decryptSecret } from "./codes";
import { listAccountEvents, recoveryCodesLeft, twoFactorEnabled } from "./data";

/** Request-scoped: a page and its parts read these once. */
export const getTwoFactorEnabled = cache(twoFactorEnabled);
export const getRecoveryCodesLeft = cache(recoveryCodesLeft);
export const getAccountEvents = cache((userId: string) => listAccountEvents(userId));

/** The secret "Set up two-factor authentication" sealed in its cookie, while it lasts. */
export const getPendingSetup = cache(async (): Promise<string | null> => {
  const sealed = (await cookies()).get(cookieName(TWO_FACTOR_SETUP_COOKIE, await isHttps()))?.value;
  return sealed ? decryptSecret(sealed) : null;
});
