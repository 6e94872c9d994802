import { expect, test } from "@playwright/test";
import { createUser, newUser, randomIp } from "./support/users";
import { dbDate, sql } from "./support/db";
import { expectRefused, totp, turnOnTwoFactor, verify } from "./support/two-factor";

// POST /api/users/login with two-factor on, and what the pending step may
// not do: reach a logged-in page or API, finish another account's login,
// outlive five minutes, escape the throttle on the other worker.

async function accountWithTwoFactor(browser: import("@playwright/test").Browser) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const user = await createUser(context.request, newUser("tfa"));
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(`/user/${user.username}`);
  const { secret, codes } = await turnOnTwoFactor(page);
  return { context, page, user, secret, codes };
}

/** A new browser that has given `user`'s password: at the second step, no session. */
async function passwordStep(browser: import("@playwright/test").Browser, user: { email: string; password: string }) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
  return { context, page };
}

test(
  "API login: 401 twoFactorRequired, 400 wrong code, 200 right code, the same code refused again",
  { tag: "@smoke" },
  async ({ browser, playwright }) => {
    const { context, user, secret } = await accountWithTwoFactor(browser);
    const api = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const login = (data: Record<string, unknown>) =>
      api.post("/api/users/login", { data: { email: user.email, password: user.password, ...data } });
    const bare = await login({});
    expect(bare.status()).toBe(401);
    expect(await bare.text()).toBe('{"message":"Two-factor code required","twoFactorRequired":true}');
    expect((await api.get("/api/me")).status()).toBe(401);
    const wrong = await login({ code: "000000" });
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toEqual({ message: "Incorrect code" });
    const code = totp(secret, Date.now() + 30_000);
    const right = await login({ code });
    expect(right.status()).toBe(200);
    expect(await right.json()).toEqual({
      id: expect.any(String),
      username: user.username,
      message: "You are logged in successfully",
    });
    expect(await (await api.get("/api/me")).json()).toMatchObject({ username: user.username, twoFactor: true });
    const again = await login({ code });
    expect(again.status()).toBe(400);
    expect(await again.json()).toEqual({ message: "This code was just used. Wait for the next one." });
    // A wrong password says so, code or not; a code of the wrong type is bad input.
    expect((await api.post("/api/users/login", { data: { email: user.email, password: "nope", code } })).status()).toBe(
      400,
    );
    expect((await login({ code: 123456 })).status()).toBe(400);
    await Promise.all([context.close(), api.dispose()]);
  },
);

test("the pending step alone reaches no logged-in page or API, and cannot finish another account's login", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ana = await accountWithTwoFactor(browser);
  const bo = await accountWithTwoFactor(browser);
  const { context: fresh, page } = await passwordStep(browser, ana.user);
  for (const path of ["/rsvp", "/settings", `/user/${ana.user.username}`]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
  expect((await page.request.get("/api/me")).status()).toBe(401);
  expect((await page.request.get("/api/parties")).status()).toBe(401);
  // Bo's codes do not finish Ana's step.
  await page.goto("/login");
  await verify(page, totp(bo.secret, Date.now() + 30_000));
  await expectRefused(page);
  await verify(page, bo.codes[0]!);
  await expectRefused(page);
  expect((await page.request.get("/api/me")).status()).toBe(401);
  // Ana's own code does.
  await verify(page, ana.codes[0]!);
  await expect(page).toHaveURL(`/user/${ana.user.username}`);
  await Promise.all([ana.context.close(), bo.context.close(), fresh.close()]);
});

test("the step expires after five minutes", async ({ browser }) => {
  const ana = await accountWithTwoFactor(browser);
  const { context: fresh, page } = await passwordStep(browser, ana.user);
  // Five minutes on: the row's expiry passes (the cookie's own Max-Age would drop it too).
  await sql(
    `UPDATE "LoginStep" SET "expiresAt" = $1 WHERE "userId" = (SELECT "id" FROM "User" WHERE "username" = $2)`,
    [dbDate(new Date(Date.now() - 1000)), ana.user.username],
  );
  await verify(page, ana.codes[0]!);
  await expect(
    page.getByRole("alert").filter({ hasText: "This sign-in has expired. Please log in again." }),
  ).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await Promise.all([ana.context.close(), fresh.close()]);
});

test("wrong codes are throttled per account, from any address, on every worker: then even the right code is refused", async ({
  browser,
  playwright,
}) => {
  const { context, user, secret } = await accountWithTwoFactor(browser);
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const login = (code: string) =>
    api.post("/api/users/login", {
      data: { email: user.email, password: user.password, code },
      headers: { "x-forwarded-for": randomIp(), connection: "close" },
    });
  for (let i = 0; i < 10; i++) expect((await login("000000")).status(), `try ${i + 1}`).toBe(400);
  const throttled = await login(totp(secret, Date.now() + 30_000));
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
  await Promise.all([context.close(), api.dispose()]);
});
