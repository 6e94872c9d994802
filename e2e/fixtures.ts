import { test as base, expect, type Page } from "@playwright/test";
import { apiLogin, createUser, newUser, randomIp, seedUser, signIn, type TestUser } from "./support/users";

type Fixtures = {
  /** this test's client address (the main e2e server trusts X-Forwarded-For) */
  clientIp: string;
  /** an account (made in the database: support/users.ts), not logged in */
  user: TestUser;
  /** the browser page, logged in as `user` */
  userPage: Page;
};

export const test = base.extend<Fixtures>({
  // A returning visitor: the browser's time zone is already known to the
  // server (the cookie components/time-zone-sync.tsx sets on a first visit,
  // which then refreshes the page — a refresh that would race with tests).
  // (A browser without JavaScript never runs that script, so never has it.)
  context: async ({ context, baseURL, timezoneId, javaScriptEnabled }, use) => {
    if (timezoneId && javaScriptEnabled !== false) {
      await context.addCookies([{ name: "dp.tz", value: timezoneId, url: baseURL! }]);
    }
    await use(context);
  },
  clientIp: async ({}, use) => {
    await use(randomIp());
  },
  extraHTTPHeaders: async ({ clientIp }, use) => {
    await use({ "x-forwarded-for": clientIp });
  },
  user: async ({}, use) => {
    await use(await seedUser());
  },
  userPage: async ({ page, user, baseURL }, use) => {
    await signIn(page.context(), user, baseURL!);
    await use(page);
  },
});

export { expect, newUser, createUser, apiLogin };
export type { TestUser };

/** Fill the login form and submit it. */
export async function logInThroughForm(page: Page, user: Pick<TestUser, "email" | "password">, remember = false) {
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  if (remember) await page.getByLabel("Remember me").check();
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Fill the registration form and submit it. */
export async function registerThroughForm(page: Page, user: TestUser, repeat = user.password) {
  await page.getByLabel("Username", { exact: true }).fill(user.username);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Repeat password", { exact: true }).fill(repeat);
  await page.getByRole("button", { name: "Register" }).click();
}

/**
 * Log out with the navigation's button and wait until it is done: a page
 * opened before the answer arrives would still be logged in, or cancel the
 * logout altogether.
 */
export async function logOut(page: Page) {
  await nav(page).getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have been logged out.");
}

/** The main navigation landmark. */
export function nav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}
