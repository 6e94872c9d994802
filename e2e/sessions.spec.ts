import { createHash } from "node:crypto";
import { expect, logInThroughForm, nav, test } from "./fixtures";
import { dbDate, sql, toDate } from "./support/db";

const DAY = 24 * 60 * 60 * 1000;

async function sessionCookie(page: import("@playwright/test").Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === "dp.session");
  expect(cookie, "session cookie").toBeTruthy();
  return cookie!;
}

async function sessionRow(token: string) {
  const hash = createHash("sha256").update(token).digest("base64url");
  const rows = await sql<{ expires: unknown; persistent: unknown }>(
    `SELECT "expires", "persistent" FROM "Session" WHERE "sessionToken" = $1`,
    [hash],
  );
  return rows[0];
}

test("without Remember me: a browser-session cookie, ended by the server after 12 hours", async ({ page, user }) => {
  await page.goto("/login");
  await logInThroughForm(page, user);
  await expect(page).toHaveURL(`/user/${user.username}`);
  const cookie = await sessionCookie(page);
  expect(cookie.expires).toBe(-1); // no Expires/Max-Age: gone when the browser closes
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");

  const row = await sessionRow(cookie.value);
  expect(row, "the database holds the token's hash, not the token").toBeTruthy();
  const left = toDate(row!.expires).getTime() - Date.now();
  expect(left).toBeGreaterThan(12 * 60 * 60 * 1000 - 5 * 60 * 1000);
  expect(left).toBeLessThanOrEqual(12 * 60 * 60 * 1000);
});

test("with Remember me: a persistent cookie for 30 days", async ({ page, user }) => {
  await page.goto("/login");
  await logInThroughForm(page, user, true);
  await expect(page).toHaveURL(`/user/${user.username}`);
  const cookie = await sessionCookie(page);
  const left = cookie.expires * 1000 - Date.now();
  expect(left).toBeGreaterThan(30 * DAY - 5 * 60 * 1000);
  expect(left).toBeLessThanOrEqual(30 * DAY + 60 * 1000);
  const row = await sessionRow(cookie.value);
  expect(Math.abs(toDate(row!.expires).getTime() - cookie.expires * 1000)).toBeLessThan(60 * 1000);

  // Reading the session never turns it into something else.
  await page.goto("/");
  await page.request.get("/api/auth/session");
  expect(Math.abs((await sessionCookie(page)).expires - cookie.expires)).toBeLessThan(60);
});

test(
  "a copy of the cookie taken before logout opens nothing afterwards",
  { tag: "@smoke" },
  async ({ page, browser, user }) => {
    await page.goto("/login");
    await logInThroughForm(page, user);
    await expect(page).toHaveURL(`/user/${user.username}`);
    const copy = await sessionCookie(page);

    await nav(page).getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("status")).toHaveText("You have been logged out.");

    const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    await thief.addCookies([copy]);
    const stolen = await thief.newPage();
    // Pages: back to the login page.
    await stolen.goto(`/user/${user.username}`);
    await expect(stolen).toHaveURL(`/login?callbackUrl=${encodeURIComponent(`/user/${user.username}`)}`);
    // API: 401.
    const me = await stolen.request.get("/api/me");
    expect(me.status()).toBe(401);
    expect(await me.json()).toEqual({ message: "Unauthorized" });
    expect((await stolen.request.post("/api/users/logout")).status()).toBe(401);
    // The navigation of any page shows a visitor, not the user.
    await stolen.goto("/");
    await expect(nav(stolen).getByRole("link", { name: "Log in" })).toBeVisible();
    await thief.close();
  },
);

test("the server ends a session at its absolute expiry, whatever the cookie says", async ({ page, user }) => {
  await page.goto("/login");
  await logInThroughForm(page, user, true);
  await expect(page).toHaveURL(`/user/${user.username}`);
  const cookie = await sessionCookie(page);
  const hash = createHash("sha256").update(cookie.value).digest("base64url");
  // Let the session's lifetime pass.
  await sql(`UPDATE "Session" SET "expires" = $1 WHERE "sessionToken" = $2`, [
    dbDate(new Date(Date.now() - 1000)),
    hash,
  ]);
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await page.goto(`/user/${user.username}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  // The expired row is gone.
  expect(await sql(`SELECT 1 FROM "Session" WHERE "sessionToken" = $1`, [hash])).toHaveLength(0);
});

test("session.user carries only id, username and email", async ({ userPage: page, user }) => {
  const res = await page.request.get("/api/auth/session");
  const session = await res.json();
  expect(Object.keys(session.user).sort()).toEqual(["email", "id", "username"]);
  expect(session.user.username).toBe(user.username);
  expect(JSON.stringify(session)).not.toMatch(/passwordHash|\$2[aby]\$/);
});
