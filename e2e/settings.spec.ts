import { createHash } from "node:crypto";
import { apiLogin, expect, test, type TestUser } from "./fixtures";
import { sql } from "./support/db";
import { anotherPerson, apiCreateParty } from "./support/parties";
import { randomIp } from "./support/users";

async function elsewhere(playwright: import("@playwright/test").PlaywrightWorkerArgs["playwright"], user: TestUser) {
  const ctx = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: {
      "x-forwarded-for": randomIp(),
      "user-agent":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    },
  });
  await apiLogin(ctx, user);
  return ctx;
}

test("the settings page needs a login", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL("/login?callbackUrl=%2Fsettings");
});

test(
  "active sessions are listed; 'Log out of all other sessions' ends the others",
  { tag: "@smoke" },
  async ({ userPage: page, user, playwright }) => {
    const phone = await elsewhere(playwright, user);
    await page.goto(`/user/${user.username}`);
    await page.getByRole("link", { name: "Account settings" }).click();
    await expect(page).toHaveTitle("Account settings · DinnerParty");
    const sessions = page.getByRole("list", { name: "Active sessions" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: "This browser" })).toHaveCount(1);
    await expect(sessions.filter({ hasText: "Safari on iOS" })).toHaveCount(1);

    await page.getByRole("button", { name: "Log out of all other sessions" }).click();
    await expect(page.getByRole("status")).toHaveText("Logged out of 1 other session.");
    await expect(sessions).toHaveCount(1);
    expect((await phone.get("/api/me")).status()).toBe(401);
    expect((await page.request.get("/api/me")).status()).toBe(200);
    await phone.dispose();
  },
);

test("changing the password needs the current one, follows the rules, and ends every other session", async ({
  userPage: page,
  user,
  playwright,
}) => {
  const phone = await elsewhere(playwright, user);
  await page.goto("/settings");
  const fill = async (current: string, next: string, repeat = next) => {
    await page.getByLabel("Current password", { exact: true }).fill(current);
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Repeat new password", { exact: true }).fill(repeat);
    await page.getByRole("button", { name: "Change password" }).click();
  };
  await fill("not my password at all", "a brand new passphrase here");
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await fill(user.password, "too short");
  await expect(page.getByText("Password must be at least 15 characters.")).toBeVisible();
  await fill(user.password, "passwordpassword");
  await expect(page.getByText(/too common/)).toBeVisible();
  expect((await phone.get("/api/me")).status()).toBe(200);

  const next = "a brand new passphrase here";
  await fill(user.password, next);
  await expect(page.getByRole("status")).toHaveText(
    "Your password has been changed. Every other session has been logged out.",
  );
  // This browser stays in; the other session, and the old password, are out.
  expect((await page.request.get("/api/me")).status()).toBe(200);
  expect((await phone.get("/api/me")).status()).toBe(401);
  const old = await page.request.post("/api/users/login", { data: { email: user.email, password: user.password } });
  expect(old.status()).toBe(400);
  await apiLogin(phone, { ...user, password: next });
  await phone.dispose();
});

test(
  "deleting the account removes it, its parties and RSVPs, and ends its sessions",
  { tag: "@smoke" },
  async ({ userPage: page, user, playwright, browser }) => {
    const baseURL = test.info().project.use.baseURL!;
    const phone = await elsewhere(playwright, user);
    const cookieCopy = (await page.context().cookies()).filter((c) => c.name === "dp.session");
    const hosted = await apiCreateParty(page.request, { seats: 4 });
    // A party of someone else's, where the user holds a seat.
    const host = await anotherPerson(browser, baseURL, "other");
    const theirs = await apiCreateParty(host.page.request, { seats: 3 });
    expect((await page.request.post(`/api/parties/${theirs.id}/rsvp`)).status()).toBe(201);

    await page.goto("/settings");
    await page.getByLabel("Confirm with your password").fill("wrong password entirely");
    await page.getByRole("button", { name: "Delete account" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(200);

    await page.getByLabel("Confirm with your password").fill(user.password);
    await page.getByRole("button", { name: "Delete account" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("status")).toContainText("Your account has been deleted.");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();

    expect(await sql(`SELECT 1 FROM "User" WHERE "username" = $1`, [user.username])).toHaveLength(0);
    expect(await sql(`SELECT 1 FROM "DinnerParty" WHERE "id" = $1`, [hosted.id])).toHaveLength(0);
    const [seat] = await sql<{ seatsTaken: number }>(`SELECT "seatsTaken" FROM "DinnerParty" WHERE "id" = $1`, [
      theirs.id,
    ]);
    expect(Number(seat!.seatsTaken)).toBe(1); // their seat is free again
    expect((await phone.get("/api/me")).status()).toBe(401);
    const login = await phone.post("/api/users/login", { data: { email: user.email, password: user.password } });
    expect(login.status()).toBe(400);

    // A copy of the old cookie opens nothing either.
    await page.context().addCookies(cookieCopy);
    expect((await page.request.get("/api/me")).status()).toBe(401);
    const hash = createHash("sha256").update(cookieCopy[0]!.value).digest("base64url");
    expect(await sql(`SELECT 1 FROM "Session" WHERE "sessionToken" = $1`, [hash])).toHaveLength(0);
    await phone.dispose();
    await host.context.close();
  },
);

test("the username field the password managers need is there, and the forms have labels", async ({
  userPage: page,
}) => {
  await page.goto("/settings");
  await expect(page.locator('input[autocomplete="username"]')).toHaveCount(1);
  await expect(page.locator('input[autocomplete="current-password"]')).toHaveCount(2);
  await expect(page.locator('input[autocomplete="new-password"]')).toHaveCount(2);
});
