import { expect, test } from "./fixtures";
import { sql } from "./support/db";
import { futureLocal, hostThroughForm, uniqueVenue } from "./support/parties";

test("installable: a web app manifest with icons, and the icons themselves", async ({ page, request }) => {
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBeTruthy();
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({
    name: "DinnerParty",
    short_name: "DinnerParty",
    start_url: "/",
    display: "standalone",
  });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"]).toBe(icon.type);
  }
  const favicon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await request.get(favicon!)).status()).toBe(200);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(apple!)).status()).toBe(200);
});

test("with JavaScript, a wrong form is refused at once, without a trip to the server", async ({ page }) => {
  await page.goto("/register");
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.getByLabel("Username", { exact: true }).fill("x");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("Username must be at least 3 characters.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
  // Errors show as the person types, too.
  await page.getByLabel("Username", { exact: true }).fill("good_name");
  await expect(page.getByText("Username must be at least 3 characters.")).toHaveCount(0);
  expect(posts).toEqual([]);
});

test("a double click sends the form once; the button says it is busy", async ({ userPage: page, user }) => {
  await page.goto(`/user/${user.username}`);
  const venue = uniqueVenue("Double");
  await page.getByLabel("Date", { exact: true }).fill(futureLocal(9));
  await page.getByLabel("Venue", { exact: true }).fill(venue);
  await page.getByLabel("Main dish", { exact: true }).fill("Stew");
  await page.getByLabel("Number of seats", { exact: true }).fill("5");
  const button = page.getByRole("button", { name: "Create party" });
  // Hold the action's answer back for a moment, to see the pending state.
  await page.route(`**/user/${user.username}`, async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await button.dblclick();
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");
  expect(await sql(`SELECT 1 FROM "DinnerParty" WHERE "venue" = $1`, [venue])).toHaveLength(1);
});

test("empty lists say what to do next", async ({ userPage: page, user }) => {
  await page.goto(`/user/${user.username}`);
  await expect(page.getByText("You are not hosting any upcoming party yet.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByText("Nothing planned yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Find a table" })).toBeVisible();
});

test("the 404 page is part of the app", { tag: "@smoke" }, async ({ page }) => {
  const res = await page.goto("/nowhere/at/all");
  expect(res?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · DinnerParty");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the home page" })).toBeVisible();
});

test("dates read like 'Sat 7 Dec, 19:30 (Europe/Paris)', in the viewer's language", async ({
  userPage: page,
  user,
}) => {
  await page.goto(`/user/${user.username}`);
  const venue = uniqueVenue("Format");
  await hostThroughForm(page, { date: "2030-12-07T19:30", venue, mainDish: "Stew", seats: 4 });
  const expected = {
    "en-GB": "Sat, 7 Dec 2030, 19:30 (America/New_York)", // desktop project
    "en-US": "Sat, Dec 7, 2030, 07:30 PM (Europe/Paris)", // phone project
  }[test.info().project.use.locale as "en-GB" | "en-US"];
  await expect(page.getByRole("listitem").filter({ hasText: venue }).locator("time")).toHaveText(expected);
});
