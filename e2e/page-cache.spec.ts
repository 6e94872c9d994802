import { expect, nav, test } from "./fixtures";
import { anotherPerson, apiCreateParty, partyCard, soon } from "./support/parties";

// The server keeps each signed-in person's party list (/rsvp) for a few
// seconds (server/page-cache.mjs). These check what people see through it:
// every change at once, only their own page, nothing after logging out.
// (The e2e server runs one worker, and a browser keeps its connection, so
// the reloads below go to the worker that holds the copy.)

test("the party list shows another guest's RSVP and cancellation at once", async ({ userPage: page, browser }) => {
  const party = await apiCreateParty(page.request, { date: soon(), seats: 6 });
  const card = partyCard(page, party.venue);
  await page.goto("/rsvp");
  await expect(card).toContainText("5 seats left");
  await page.reload();
  await expect(card).toContainText("5 seats left");

  const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
  expect((await guest.page.request.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);
  await page.reload();
  await expect(card).toContainText("4 seats left");
  await expect(card.getByRole("list", { name: "Guests" })).toContainText(guest.user.username);

  expect((await guest.page.request.delete(`/api/parties/${party.id}/rsvp`)).status()).toBe(204);
  await page.reload();
  await expect(card).toContainText("5 seats left");
  await expect(card.getByRole("list", { name: "Guests" })).not.toContainText(guest.user.username);
  await guest.context.close();
});

test("each person gets their own list: their name, their badges", async ({ userPage: page, user, browser }) => {
  const party = await apiCreateParty(page.request, { date: soon() });
  const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
  expect((await guest.page.request.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);
  for (let view = 0; view < 2; view++) {
    await page.goto("/rsvp");
    await guest.page.goto("/rsvp");
    await expect(partyCard(page, party.venue)).toContainText("You are hosting");
    await expect(partyCard(guest.page, party.venue)).toContainText("You are going");
    await expect(partyCard(guest.page, party.venue)).not.toContainText("You are hosting");
    await expect(nav(page).getByRole("link", { name: "Profile" })).toHaveAttribute("href", `/user/${user.username}`);
    await expect(nav(guest.page).getByRole("link", { name: "Profile" })).toHaveAttribute(
      "href",
      `/user/${guest.user.username}`,
    );
  }
  await guest.context.close();
});

test("after logging out, the old session cookie gets the login page, not a kept list", async ({
  userPage: page,
  browser,
}) => {
  await page.goto("/rsvp");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Upcoming dinner parties" })).toBeVisible();
  const before = await page.context().storageState();
  await nav(page).getByRole("button", { name: "Log out" }).click();
  await expect(nav(page).getByRole("link", { name: "Log in" })).toBeVisible();

  const replay = await browser.newContext({
    baseURL: test.info().project.use.baseURL!,
    storageState: before,
    extraHTTPHeaders: test.info().project.use.extraHTTPHeaders,
  });
  const stale = await replay.newPage();
  await stale.goto("/rsvp");
  await expect(stale).toHaveURL(/\/login/);
  await expect(stale.getByRole("heading", { level: 1, name: "Upcoming dinner parties" })).toHaveCount(0);
  await replay.close();
});

test(
  "the home page comes from memory after the first visit, unless PAGE_CACHE=0",
  { tag: "@smoke" },
  async ({ playwright, baseURL }) => {
    // An answer from memory carries a Content-Length; a page Next.js renders is
    // streamed. Several visits: the first each worker gets is a render.
    const off = process.env.PAGE_CACHE === "0";
    const visitor = await playwright.request.newContext({ baseURL });
    let fromMemory = 0;
    for (let visit = 0; visit < 6; visit++) {
      const res = await visitor.get("/");
      expect(res.status()).toBe(200);
      if (res.headers()["content-length"] !== undefined) fromMemory++;
    }
    await visitor.dispose();
    expect(fromMemory > 0, `${fromMemory} of 6 from memory`).toBe(!off);
  },
);

test("a kept list drops a party the moment it starts, with no write in between", async ({ userPage: page }) => {
  const startsAt = Date.now() + 5_000;
  const party = await apiCreateParty(page.request, { date: new Date(startsAt).toISOString() });
  const card = partyCard(page, party.venue);
  await page.goto("/rsvp");
  await expect(card).toBeVisible();
  await page.reload();
  await expect(card).toBeVisible();
  await page.waitForTimeout(Math.max(0, startsAt - Date.now()) + 250);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(card).toHaveCount(0);
});
