import { expect, logInThroughForm, test } from "./fixtures";

test(
  "an anonymous visitor is sent to log in, then back to the page asked for",
  { tag: "@smoke" },
  async ({ page, user }) => {
    const target = `/user/${user.username}`;
    await page.goto(target);
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page.getByText("Sorry, you must be logged in to view this page")).toBeVisible();
    await logInThroughForm(page, user);
    await expect(page).toHaveURL(target);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.username);
  },
);

test("the login page shows no warning when nobody was bounced", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByText("Sorry, you must be logged in to view this page")).toHaveCount(0);
});

for (const evil of [
  "https://evil.example",
  "//evil.example",
  "/\\evil.example",
  "javascript:alert(1)",
  "/\t/evil.example",
  // The URL parser turns these into "//evil.example": decided after normalising.
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
]) {
  test(`callbackUrl ${JSON.stringify(evil)} lands on the profile instead`, async ({ page, user }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    await logInThroughForm(page, user);
    await expect(page).toHaveURL(`/user/${user.username}`);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
}

test("a callbackUrl with a query string comes back whole", async ({ page, user }) => {
  const target = `/user/${user.username}?tab=hosted`;
  await page.goto(target);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(target)}`);
  await logInThroughForm(page, user);
  await expect(page).toHaveURL(target);
});
