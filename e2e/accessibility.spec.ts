import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { linkIn, waitForMail } from "./support/mail";
import { expect, logInThroughForm, logOut, newUser, test } from "./fixtures";
import { anotherPerson, apiCreateParty, futureLocal, uniqueVenue } from "./support/parties";
import { randomIp } from "./support/users";
import { totp } from "./support/two-factor";

// WCAG 2.2 AA on every page, on the desktop and the phone: axe finds nothing,
// one h1 and a unique title per page, nothing wider than the screen, tap
// targets of at least 44 px, and the whole journey works from the keyboard.

async function audit(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(found, label).toEqual([]);
  await expect(page.locator("h1"), `${label}: one h1`).toHaveCount(1);
  const noScroll = await page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
  expect(noScroll, `${label}: no horizontal scroll`).toBe(true);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      "a[href], button, input:not([type=hidden]), select, textarea, summary",
    )) {
      const style = getComputedStyle(el);
      if (
        style.display === "none" ||
        style.visibility === "hidden" ||
        el.closest("[aria-hidden=true], .honeypot, .skip-link")
      )
        continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.height < 44 || box.width < 44)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("name") || "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return out;
  });
  expect(small, `${label}: tap targets of 44 px`).toEqual([]);
  return page.title();
}

test(
  "every page passes axe, logged out and logged in, forms with errors included",
  { tag: "@layout" },
  async ({ page, user, browser }) => {
    test.setTimeout(180_000);
    const titles = new Map<string, string>();
    const visit = async (path: string, label = path) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      titles.set(label, await audit(page, label));
    };

    for (const path of ["/", "/login", "/register"]) await visit(path);
    await visit("/no-such-page", "404");
    await page.goto(`/user/${user.username}`);
    await audit(page, "login (bounced)");

    // Forms showing their errors.
    await page.goto("/register");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.locator(".field-error").first()).toBeVisible();
    await audit(page, "register with errors");
    await page.goto("/login");
    await logInThroughForm(page, { email: user.email, password: "not the password here" });
    await expect(page.getByText("Incorrect credentials").first()).toBeVisible();
    await audit(page, "login with errors");

    await logInThroughForm(page, user);
    await expect(page).toHaveURL(`/user/${user.username}`);
    const host = await anotherPerson(browser, test.info().project.use.baseURL!, "axehost");
    const party = await apiCreateParty(host.page.request);
    const mine = await apiCreateParty(page.request);
    await page.request.post(`/api/parties/${party.id}/rsvp`);
    for (const path of [
      "/",
      `/user/${user.username}`,
      `/user/${host.user.username}`,
      "/rsvp",
      `/parties/${party.id}`,
      `/parties/${mine.id}`,
      `/parties/${mine.id}/edit`,
      `/parties/${mine.id}/delete`,
      "/settings",
    ]) {
      await visit(path);
    }
    // Part 2: a guest's answer controls (no answer yet: plus-ones and the three
    // buttons; answered: the note too), and the host's guest list by answer,
    // with notes, the waitlist and Remove, and its confirmation page.
    const open = await apiCreateParty(host.page.request, { plusOnesAllowed: 2 });
    await visit(`/parties/${open.id}`, "party, guest without an answer");
    await expect(page.getByLabel("Plus-ones", { exact: true })).toBeVisible();
    await page.request.put(`/api/parties/${open.id}/rsvp`, { data: { response: "maybe", note: "Maybe late" } });
    // The same page (and title) again, now with an answer: audited, not counted as a page of its own.
    await page.goto(`/parties/${open.id}`);
    await page.waitForLoadState("networkidle");
    await audit(page, "party, guest who answered");
    await expect(page.getByLabel("Note for the host")).toHaveValue("Maybe late");
    const hosted = await apiCreateParty(page.request, { seats: 2, waitlist: true, plusOnesAllowed: 1 });
    await host.page.request.put(`/api/parties/${hosted.id}/rsvp`, { data: { response: "going", note: "No fish" } });
    const third = await anotherPerson(browser, test.info().project.use.baseURL!, "axewait");
    await third.page.request.put(`/api/parties/${hosted.id}/rsvp`, { data: { response: "going", plusOnes: 1 } });
    await visit(`/parties/${hosted.id}`, "party, host's guest list");
    await expect(page.getByRole("button", { name: `Remove ${third.user.username}` })).toBeVisible();
    await expect(page.getByText("2 going · 0 maybe · 0 can't go · 1 on the waitlist")).toBeVisible();
    await visit(`/parties/${hosted.id}/guests/${host.user.username}/remove`, "remove a guest");
    await third.context.close();
    // Part 2, invitations: a party with a title, details and a hidden venue as
    // a guest sees it, and the logged-out preview of its invitation link.
    const secret = await apiCreateParty(host.page.request, {
      title: "Axe supper",
      details: "Ring twice.\nMap: https://maps.example/axe",
      visibility: "invite-only",
      venueHidden: true,
    });
    const { url } = await (await host.page.request.post(`/api/parties/${secret.id}/invite-link`)).json();
    const invitation = new URL(url).pathname;
    expect((await page.request.post(`/api/invites/${invitation.split("/")[2]}`)).status()).toBe(200);
    await visit(`/parties/${secret.id}`, "party with a hidden venue, guest");
    const outsider = await browser.newContext({
      baseURL: test.info().project.use.baseURL!,
      viewport: page.viewportSize(),
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const preview = await outsider.newPage();
    await preview.goto(invitation);
    await preview.waitForLoadState("networkidle");
    await audit(preview, "invitation preview");
    await outsider.close();
    // Part 2, mail: the host's messages as a guest sees them, and the page of an unsubscribe link.
    const message = { data: { message: "Bring a jumper.\nhttps://maps.example/garden" } };
    expect((await host.page.request.post(`/api/parties/${party.id}/messages`, message)).status()).toBe(201);
    await page.goto(`/parties/${party.id}`);
    await page.waitForLoadState("networkidle");
    await audit(page, "party with messages from the host");
    await expect(page.getByRole("region", { name: "Messages from the host" })).toBeVisible();
    await visit(linkIn(await waitForMail(user.email, { subject: /A message from/ }), "/unsubscribe/"), "unsubscribe");
    // Part 2, at the table, on the party this user hosts: the board as a going
    // guest sees it (one item theirs, one still open), the host's dietary
    // summary and board, an item's edit page.
    const guestApi = host.page.request;
    await guestApi.put("/api/me/dietary", { data: { needs: ["vegetarian", "nut-allergy"], other: "No coriander" } });
    const dishes = `/api/parties/${hosted.id}/dishes`;
    const wine = await (await page.request.post(dishes, { data: { name: "Wine", quantity: 2 } })).json();
    await page.request.post(dishes, { data: { name: "Dessert", quantity: 1 } });
    expect((await guestApi.post(`${dishes}/${wine.id}/claim`, { data: { note: "A red" } })).status()).toBe(201);
    await host.page.goto(`/parties/${hosted.id}`);
    await host.page.waitForLoadState("networkidle");
    await audit(host.page, "party with a dish board, going guest");
    await expect(host.page.getByRole("button", { name: "I can't bring it" })).toBeVisible();
    await page.goto(`/parties/${hosted.id}`);
    await page.waitForLoadState("networkidle");
    await audit(page, "party with dietary needs and a dish board, host");
    await expect(page.getByRole("region", { name: "Dietary needs" })).toContainText("1 Vegetarian · 1 Nut allergy");
    await visit(`/parties/${hosted.id}/dishes/${wine.id}/edit`, "edit an item");
    await page.goto(`/parties/${party.id}/edit`);
    titles.set("403", await audit(page, "403"));

    await page.goto(`/user/${user.username}`);
    await page.getByRole("button", { name: "Create party" }).click();
    await expect(page.locator(".field-error").first()).toBeVisible();
    await audit(page, "host form with errors");
    await page.goto("/settings");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator(".field-error").first()).toBeVisible();
    await audit(page, "settings with errors");

    // Every kind of page has a title of its own.
    expect(titles.get("/login")).toBe("Log in · DinnerParty");
    expect(titles.get("/register")).toBe("Register · DinnerParty");
    expect(titles.get("/rsvp")).toBe("RSVP · DinnerParty");
    expect(titles.get("/settings")).toBe("Account settings · DinnerParty");
    expect(titles.get(`/parties/${party.id}`)).toBe(`Dinner at ${party.venue} · DinnerParty`);
    const distinct = new Set(titles.values());
    expect(distinct.size, JSON.stringify([...titles])).toBe(titles.size);
    await host.context.close();
  },
);

/** Press Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("keyboard only: register, host a party, RSVP as someone else, log out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const host = newUser("keys");
  await page.goto("/");
  // The skip link comes first and leads to the content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();

  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Register" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/register");
  await tabTo(page, page.getByLabel("Username", { exact: true }));
  await page.keyboard.type(host.username);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await page.keyboard.type(host.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(host.password);
  await page.keyboard.press("Tab");
  await page.keyboard.type(host.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/user/${host.username}`);

  const venue = uniqueVenue("Keys");
  const when = futureLocal(12, "19:30");
  await tabTo(page, page.getByLabel("Date", { exact: true }));
  // Headless Chromium's datetime-local ignores synthetic keystrokes in its
  // date segments (a person types them): the value is set directly, the
  // focus stays where the keyboard put it, and Tab walks on from there.
  await page.getByLabel("Date", { exact: true }).fill(when);
  await tabTo(page, page.getByLabel("Venue", { exact: true }));
  await page.keyboard.type(venue);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ratatouille");
  await page.keyboard.press("Tab");
  await page.keyboard.type("4");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create party" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");

  // Someone else, also by keyboard only.
  const guest = await anotherPerson(browser, test.info().project.use.baseURL!, "kguest");
  const g = guest.page;
  await g.goto(`/user/${host.username}`);
  const card = g.getByRole("listitem").filter({ has: g.getByRole("heading", { name: venue }) });
  await tabTo(g, card.getByRole("link", { name: venue }), 80);
  await g.keyboard.press("Enter");
  await expect(g.getByRole("heading", { name: `Dinner at ${venue}` })).toBeVisible();
  await tabTo(g, g.getByRole("button", { name: "RSVP" }));
  await g.keyboard.press("Enter");
  await expect(g.getByRole("status")).toContainText(`You successfully RSVP'd to ${host.username}'s dinner party`);
  await tabTo(g, g.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Log out" }));
  await g.keyboard.press("Enter");
  await expect(g.getByRole("status")).toHaveText("You have been logged out.");
  await guest.context.close();

  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Log out" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("You have been logged out.");
});

test("forms use the right input types and autocomplete values", async ({ page, user }) => {
  await page.goto("/register");
  await expect(page.getByLabel("Username", { exact: true })).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("type", "email");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("autocomplete", "email");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("autocomplete", "new-password");
  await expect(page.getByLabel("Repeat password", { exact: true })).toHaveAttribute("autocomplete", "new-password");
  await page.goto("/login");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("type", "email");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("autocomplete", "current-password");
  await logInThroughForm(page, user);
  await expect(page).toHaveURL(`/user/${user.username}`);
  await expect(page.getByLabel("Date", { exact: true })).toHaveAttribute("type", "datetime-local");
  await expect(page.getByLabel("Number of seats", { exact: true })).toHaveAttribute("type", "number");
  await expect(page.getByLabel("Number of seats", { exact: true })).toHaveAttribute("inputmode", "numeric");
});

test(
  "the two-factor pages pass axe: set-up, recovery codes, settings with it on, the login's second step",
  { tag: "@layout" },
  async ({ userPage: page, user }) => {
    await page.goto("/settings");
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await audit(page, "two-factor set-up");
    const secret = (await page.getByLabel("Set-up key", { exact: true }).inputValue()).replace(/\s/g, "");
    await page.getByLabel("Code", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.locator(".field-error").first()).toBeVisible();
    await audit(page, "two-factor set-up with an error");
    await page.getByLabel("Code", { exact: true }).fill(totp(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" })).toBeVisible();
    await audit(page, "recovery codes");
    await page.goto("/settings");
    await page.waitForLoadState("networkidle");
    await audit(page, "settings, two-factor on");
    await page.goto("/settings/two-factor");
    await page.waitForLoadState("networkidle");
    await audit(page, "new recovery codes");
    await logOut(page);
    await page.goto("/login");
    await logInThroughForm(page, user);
    await expect(page.getByLabel("Code", { exact: true })).toBeVisible();
    await audit(page, "login, second step");
    await page.getByLabel("Code", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect code" })).toBeVisible();
    await audit(page, "login, second step, wrong code");
  },
);
