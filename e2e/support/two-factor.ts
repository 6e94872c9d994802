import { expect, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";

/** The code an authenticator app shows for `secret` at `at` (the next step's with `+30_000`). */
export function totp(secret: string, at = Date.now()): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({ timestamp: at });
}

/**
 * Turn two-factor on through /settings as the page's logged-in user: the
 * secret read off the set-up page, the code computed from it, the recovery
 * codes read off the answer. The code used is the current step's: the next
 * login needs the next step's (`totp(secret, Date.now() + 30_000)`).
 */
export async function turnOnTwoFactor(page: Page): Promise<{ secret: string; codes: string[] }> {
  await openTwoFactorSetUp(page);
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByLabel("Set-up key", { exact: true }).inputValue()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code", { exact: true }).fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  return { secret, codes };
}

/** Type a code into the login's second step and press "Verify". */
export async function verify(page: Page, code: string): Promise<void> {
  const field = page.getByLabel("Code", { exact: true });
  await field.fill(code);
  await expect(field).toHaveValue(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

/**
 * The step refused the code with `message`, and its answer is the page now
 * shown: a refusal's page looks like the one before, so the next code must
 * not be typed into the old one while the new one loads. Its field comes
 * back empty (a new page without JavaScript; the form reset after the
 * action with it), which the old one — still holding the code — never is.
 */
export async function expectRefused(page: Page, message = "Incorrect code"): Promise<void> {
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveValue("");
}

/** From /settings to the set-up page, as a person would get there. */
export async function openTwoFactorSetUp(page: Page): Promise<void> {
  await page.goto("/settings");
  await page
    .getByRole("region", { name: "Two-factor authentication" })
    .getByRole("button", { name: "Set up two-factor authentication" })
    .click();
  await expect(page).toHaveURL("/settings/two-factor");
}
