import { expect, logInThroughForm, nav, newUser, registerThroughForm, test } from "./fixtures";
import { sql } from "./support/db";

test.describe("registration", () => {
  test("a new account is signed in and lands on its profile", { tag: "@smoke" }, async ({ page }) => {
    const user = newUser("reg");
    await page.goto("/register");
    await expect(page).toHaveTitle("Register · DinnerParty");
    await registerThroughForm(page, user);

    await expect(page).toHaveURL(`/user/${user.username}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.username);
    await expect(page.getByRole("heading", { name: `Parties hosted by ${user.username}` })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(`Welcome to DinnerParty, ${user.username}!`);
    await expect(nav(page).getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "RSVP" })).toBeVisible();
    await expect(nav(page).getByRole("button", { name: "Log out" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Log in" })).toHaveCount(0);
    // Signed in as with "Remember me": tomorrow's mail links still find the session.
    const session = (await page.context().cookies()).find((c) => c.name === "dp.session");
    expect(session?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);

    // The flash message is shown once.
    await page.reload();
    await expect(page.getByText(`Welcome to DinnerParty, ${user.username}!`)).toHaveCount(0);
  });

  test("mixed-case username and email are stored lower-case", async ({ page }) => {
    const user = newUser("case");
    await page.goto("/register");
    await registerThroughForm(page, {
      ...user,
      username: user.username.toUpperCase(),
      email: user.email.toUpperCase(),
    });
    await expect(page).toHaveURL(`/user/${user.username}`);
    const rows = await sql<{ email: string }>(`SELECT "email" FROM "User" WHERE "username" = $1`, [user.username]);
    expect(rows).toEqual([{ email: user.email }]);
  });

  test("field errors appear next to their fields, the input is kept, passwords are not", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Username", { exact: true }).fill("x!");
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("too short");
    await page.getByLabel("Repeat password", { exact: true }).fill("different");
    await page.getByRole("button", { name: "Register" }).click();

    const username = page.getByLabel("Username", { exact: true });
    await expect(username).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Username must be at least 3 characters.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Password must be at least 15 characters.")).toBeVisible();
    await expect(page.getByText("Passwords do not match.")).toBeVisible();
    // The error is the field's description for assistive technology.
    const describedBy = await page.getByLabel("Email", { exact: true }).getAttribute("aria-describedby");
    expect(describedBy).toContain("field-email-error");
    await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
    await expect(page).toHaveURL("/register");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");
  });

  test("a taken username or email is refused with a clear message", async ({ page, user }) => {
    await page.goto("/register");
    await registerThroughForm(page, { ...newUser(), username: user.username });
    await expect(page.getByRole("alert").filter({ hasText: "User already registered." })).toBeVisible();
    await expect(page.getByText("This username is already taken.")).toBeVisible();
    await expect(page.getByLabel("Username", { exact: true })).toHaveValue(user.username);
    await expect(page.getByLabel("Password", { exact: true })).not.toHaveValue("");

    await page.goto("/register");
    await registerThroughForm(page, { ...newUser(), email: user.email });
    await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  });

  test("a common password is refused by the server", async ({ page }) => {
    const user = { ...newUser("common"), password: "passwordpassword" };
    await page.goto("/register");
    await registerThroughForm(page, user);
    await expect(page.getByText(/too common or too easy to guess/)).toBeVisible();
    await expect(page).toHaveURL("/register");
    const rows = await sql(`SELECT 1 FROM "User" WHERE "username" = $1`, [user.username]);
    expect(rows).toHaveLength(0);
  });
});

test.describe("login and logout", () => {
  test("log in lands on the profile; the home page welcomes back", { tag: "@smoke" }, async ({ page, user }) => {
    await page.goto("/login");
    await expect(page).toHaveTitle("Log in · DinnerParty");
    await logInThroughForm(page, user);
    await expect(page).toHaveURL(`/user/${user.username}`);
    await nav(page).getByRole("link", { name: "Home" }).click();
    await expect(page.getByRole("heading", { name: `Welcome back ${user.username}` })).toBeVisible();
  });

  test("wrong credentials: one message, email kept, password cleared", async ({ page, user }) => {
    await page.goto("/login");
    await logInThroughForm(page, { email: user.email, password: "not the right password at all" });
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect credentials" })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

    // An unknown email gets exactly the same answer.
    await logInThroughForm(page, { email: `nobody-${user.username}@example.test`, password: user.password });
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect credentials" })).toBeVisible();
    await expect(page).toHaveURL("/login");
  });

  test("log out is a POST button that ends the session", async ({ userPage: page, user }) => {
    await page.goto(`/user/${user.username}`);
    await nav(page).getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("status")).toHaveText("You have been logged out.");
    await expect(nav(page).getByRole("link", { name: "Log in" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Register" })).toBeVisible();
    // There is no GET route that logs out.
    expect(await page.locator('a[href*="logout"]').count()).toBe(0);
  });

  test("logged-in visitors of /login and /register go to their profile", async ({ userPage: page, user }) => {
    await page.goto("/login");
    await expect(page).toHaveURL(`/user/${user.username}`);
    await page.goto("/register");
    await expect(page).toHaveURL(`/user/${user.username}`);
  });

  test("an unknown profile is a 404 page", async ({ userPage: page }) => {
    const res = await page.goto("/user/nobody-here-at-all");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test("after 10 failed logins from one address the page says so and refuses even the right password", async ({
  page,
  user,
}) => {
  for (let i = 0; i < 10; i++) {
    const res = await page.request.post("/api/users/login", {
      data: { email: user.email, password: `wrong guess number ${i}` },
    });
    expect(res.status()).toBe(400);
  }
  await page.goto("/login");
  await logInThroughForm(page, user);
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed login attempts" })).toBeVisible();
  await expect(page).toHaveURL("/login");
  expect((await page.request.get("/api/me")).status()).toBe(401);
});
