import type { Browser, Page } from "@playwright/test";
import { expect, newUser, registerThroughForm, test } from "./fixtures";
import { futureLocal, uniqueVenue } from "./support/parties";
import { randomIp } from "./support/users";

// An invite-only party with a hidden venue, from the host's form to a guest
// who arrives through the link, registers, answers and only then sees the
// venue; then "Reset link" kills the old link. With JavaScript and without.

const VENUE_HIDDEN = "The venue is shared with guests who are going.";

async function hostInviteOnly(page: Page, username: string, details: { title: string; venue: string }) {
  await page.goto(`/user/${username}`);
  await page.getByLabel("Title", { exact: true }).fill(details.title);
  await page.getByLabel("Date", { exact: true }).fill(futureLocal(12));
  await page.getByLabel("Venue", { exact: true }).fill(details.venue);
  await page.getByLabel("Main dish", { exact: true }).fill("Pumpkin soup");
  await page.getByLabel("Number of seats", { exact: true }).fill("6");
  await page.getByLabel("Details", { exact: true }).fill("Ring twice.\nMap: https://maps.example/7");
  await page.getByRole("radio", { name: "Only people with the invitation link" }).check();
  await page.getByLabel("Show the venue only to guests who are going").check();
  await page.getByRole("button", { name: "Create party" }).click();
  await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");
  await page.getByRole("link", { name: details.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: details.title })).toBeVisible();
  await expect(page).toHaveTitle(`${details.title} · DinnerParty`);
  const link = page.getByRole("link", { name: "https://maps.example/7" });
  await expect(link).toHaveAttribute("rel", "noopener nofollow ugc");
  const url = await page.getByLabel("Invitation link").inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{22,}$/);
  return { url, path: new URL(url).pathname, partyUrl: new URL(page.url()).pathname };
}

/** A visitor with no account, in a browser of their own. */
async function newcomer(browser: Browser, baseURL: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  return { context, page: await context.newPage() };
}

async function arriveRegisterAnswer(
  page: Page,
  invite: { path: string; partyUrl: string },
  host: string,
  title: string,
  venue: string,
) {
  await page.goto(invite.path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`${host} invites you to a dinner party.`)).toBeVisible();
  await expect(page.getByText("1 going")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(venue);
  await page.getByRole("link", { name: "Register to RSVP" }).click();
  const guest = newUser("invitee");
  await registerThroughForm(page, guest);
  await expect(page).toHaveURL(invite.partyUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(VENUE_HIDDEN)).toBeVisible();
  await expect(page.locator("body")).not.toContainText(venue);
  await page.getByRole("button", { name: "RSVP", exact: true }).click();
  await expect(page.getByText("Your RSVP: Going")).toBeVisible();
  await expect(page.getByText(venue)).toBeVisible();
  await expect(page.getByText(VENUE_HIDDEN)).toHaveCount(0);
  return guest;
}

test(
  "invite-only with a hidden venue: the link, a newcomer who registers and answers, then Reset link",
  { tag: "@smoke" },
  async ({ userPage: page, user, browser, baseURL, context }) => {
    const title = `Soup night ${uniqueVenue("at")}`;
    const venue = uniqueVenue("Hidden");
    const invite = await hostInviteOnly(page, user.username, { title, venue });
    // Its Party ID would let in no one new: the host is pointed at the link instead.
    await expect(page.getByText("Party ID", { exact: true })).toHaveCount(0);
    await page.getByRole("link", { name: "Share the invitation link" }).click();
    await expect(page.getByRole("heading", { name: "Invite guests" })).toBeInViewport();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText(/^(Link copied\.|Press Ctrl\+C .* to copy the selected link\.)$/)).toBeVisible();

    const visitor = await newcomer(browser, baseURL!, true);
    const response = await visitor.page.request.get(invite.path);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    await arriveRegisterAnswer(visitor.page, invite, user.username, title, venue);

    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Reset link" }).click();
    await expect(page.getByText("Your invitation link has been reset: the old one no longer works.")).toBeVisible();
    const newUrl = await page.getByLabel("Invitation link").inputValue();
    expect(newUrl).not.toBe(invite.url);
    const stranger = await newcomer(browser, baseURL!, true);
    const old = await stranger.page.goto(invite.path);
    expect(old?.status()).toBe(404);
    await expect(stranger.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await stranger.page.goto(new URL(newUrl).pathname))?.status()).toBe(200);
    // The guest who answered keeps the party: the link was only the way in.
    await visitor.page.goto(invite.partyUrl);
    await expect(visitor.page.getByText("Your RSVP: Going")).toBeVisible();
    await visitor.context.close();
    await stranger.context.close();
  },
);

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test(
    "the same journey: host, newcomer, answer, Reset link",
    { tag: "@nojs" },
    async ({ userPage: page, user, browser, baseURL }) => {
      const title = `Quiet supper ${uniqueVenue("at")}`;
      const venue = uniqueVenue("Secret");
      const invite = await hostInviteOnly(page, user.username, { title, venue });
      // Nothing to press without JavaScript: the link is there to copy.
      await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Share" })).toHaveCount(0);

      const visitor = await newcomer(browser, baseURL!, false);
      await arriveRegisterAnswer(visitor.page, invite, user.username, title, venue);

      await page.getByRole("button", { name: "Reset link" }).click();
      await expect(page.getByText("Your invitation link has been reset: the old one no longer works.")).toBeVisible();
      expect(await page.getByLabel("Invitation link").inputValue()).not.toBe(invite.url);
      const stranger = await newcomer(browser, baseURL!, false);
      expect((await stranger.page.goto(invite.path))?.status()).toBe(404);
      await visitor.context.close();
      await stranger.context.close();
    },
  );
});
