import { expect, logInThroughForm, logOut, test } from "./fixtures";
import { expectRefused, totp, turnOnTwoFactor, verify } from "./support/two-factor";

// Two-factor sign-in in a browser, desktop and phone: set it up from the
// secret the page shows, log in with a code, a recovery code once, turn it
// off; the same second step without JavaScript.

const next = (secret: string) => totp(secret, Date.now() + 30_000);

test(
  "set up → log out → the login asks for the code → wrong code → right code → in; a recovery code once; turn off",
  { tag: "@smoke" },
  async ({ userPage: page, user }) => {
    test.setTimeout(90_000);
    const { secret, codes } = await turnOnTwoFactor(page);
    await expect(page.getByRole("status")).toContainText("Two-factor authentication is on.");
    await expect(page.getByRole("link", { name: "Download recovery codes" })).toHaveAttribute(
      "download",
      "dinnerparty-recovery-codes.txt",
    );

    await logOut(page);
    await page.goto("/login");
    await logInThroughForm(page, user);
    // The password was right, but there is no session yet.
    await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(401);
    await verify(page, "000000");
    await expectRefused(page);
    const code = next(secret);
    await verify(page, code);
    await expect(page).toHaveURL(`/user/${user.username}`);
    expect(await (await page.request.get("/api/me")).json()).toMatchObject({
      username: user.username,
      twoFactor: true,
    });

    // The same code at the next login: told so, not "Incorrect code".
    await logOut(page);
    await page.goto("/login");
    await logInThroughForm(page, user);
    await verify(page, code);
    await expectRefused(page, "This code was just used. Wait for the next one.");
    // A recovery code: once.
    await verify(page, codes[0]!);
    await expect(page).toHaveURL(`/user/${user.username}`);
    await logOut(page);
    await page.goto("/login");
    await logInThroughForm(page, user);
    await verify(page, codes[0]!);
    await expectRefused(page);
    await verify(page, codes[1]!);
    await expect(page).toHaveURL(`/user/${user.username}`);

    // The sign-in changes are listed with the sessions; then off, with the password and a code.
    await page.goto("/settings");
    await expect(page.getByText("A recovery code was used to log in").first()).toBeVisible();
    await expect(page.getByText("8 recovery codes left")).toBeVisible();
    const section = page.getByRole("region", { name: "Two-factor authentication" });
    await section.getByLabel("Password", { exact: true }).fill(user.password);
    await section.getByLabel("Code", { exact: true }).fill(codes[2]!);
    await section.getByRole("button", { name: "Turn off" }).click();
    await expect(page.getByRole("status")).toHaveText("Two-factor authentication is off.");
    await logOut(page);
    await page.goto("/login");
    await logInThroughForm(page, user);
    await expect(page).toHaveURL(`/user/${user.username}`);
  },
);

test("new recovery codes replace the old ones", async ({ userPage: page, request, user }) => {
  const { secret, codes } = await turnOnTwoFactor(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "New recovery codes" }).click();
  await expect(page).toHaveURL("/settings/two-factor");
  // The form is drawn by the client router: typed only once it is there to keep what is typed.
  await page.waitForLoadState("networkidle");
  const code = page.getByLabel("Code", { exact: true });
  await code.fill(next(secret));
  await expect(code).toHaveValue(/^\d{6}$/);
  await page.getByRole("button", { name: "New recovery codes" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const fresh = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  const login = (code: string) =>
    request.post("/api/users/login", { data: { email: user.email, password: user.password, code } });
  expect((await login(codes[0]!)).status()).toBe(400);
  expect((await login(fresh[0]!)).status()).toBe(200);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test(
    "set up and the second step of the login work with plain forms, keeping the page asked for",
    { tag: "@nojs" },
    async ({ userPage: page, user }) => {
      const { secret } = await turnOnTwoFactor(page);
      await logOut(page);
      await page.goto("/settings");
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
      await logInThroughForm(page, user, true);
      await verify(page, "111111");
      await expectRefused(page);
      await verify(page, next(secret));
      await expect(page).toHaveURL("/settings");
      // "Remember me" carried over the step: a persistent cookie.
      const session = (await page.context().cookies()).find((c) => c.name === "dp.session");
      expect(session?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 86_400);
    },
  );
});
