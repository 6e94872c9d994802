import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { apiCreateParty } from "./support/parties";
import { openTwoFactorSetUp } from "./support/two-factor";
import { apiPerson, signIn } from "./support/users";

// What only a measurement shows, at 390 px (the phone) and on the desktop:
// buttons apart from what is above them, a date never split inside a word,
// a line of text with a link as tall as the others, a set-up key that fits.

// The zone of the "(Europe/Lond|on)".
test.use({ timezoneId: "Europe/London" });

/** Pixels between the bottom of `above` and the top of `below`. */
async function gap(above: Locator, below: Locator): Promise<number> {
  const [a, b] = [await above.boundingBox(), await below.boundingBox()];
  return b!.y - (a!.y + a!.height);
}

/** The words of the page's dates (between spaces and slashes) that the browser drew across two lines. */
function splitDateWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    for (const time of document.querySelectorAll("time"))
      for (const node of time.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        for (const word of node.textContent!.matchAll(/[^\s/]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(word[0]);
        }
      }
    return split;
  });
}

test(
  "the invitation and the host's link: buttons apart, the zone in one piece, a line with a link like the others",
  { tag: "@layout" },
  async ({ page, context, baseURL }) => {
    const host = await apiPerson("layouthost");
    const party = await apiCreateParty(host.api, {
      title: "Layout supper",
      details: "Ring twice.\nMap: https://maps.example/layout\nBring a jumper.",
      visibility: "invite-only",
    });
    const { url } = await (await host.api.post(`/api/parties/${party.id}/invite-link`)).json();

    // The logged-out preview of the link.
    await page.goto(new URL(url).pathname);
    const date = page.locator("dd time");
    await expect(date).toContainText("(Europe/London)");
    expect(await splitDateWords(page)).toEqual([]);
    const card = page.locator(".party-facts");
    expect(await gap(card, page.getByRole("link", { name: "Log in to RSVP" }))).toBeGreaterThanOrEqual(12);
    expect(await gap(card, page.getByRole("link", { name: "Register to RSVP" }))).toBeGreaterThanOrEqual(12);

    // The host's page: the link box and its buttons, the details.
    await signIn(context, host.user, baseURL!);
    await page.goto(`/parties/${party.id}`);
    expect(await splitDateWords(page)).toEqual([]);
    const box = page.getByLabel("Invitation link");
    for (const name of ["Copy link", "Reset link"])
      expect(await gap(box, page.getByRole("button", { name }))).toBeGreaterThanOrEqual(12);
    const lines = await page.locator(".party-details-text").evaluate((p) => {
      // Where each line's first word is drawn.
      const top = (word: string) => {
        const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(word))!;
        const range = document.createRange();
        range.setStart(node, node.textContent!.indexOf(word));
        range.setEnd(node, node.textContent!.indexOf(word) + word.length);
        return range.getBoundingClientRect().top;
      };
      return {
        first: top("Ring"),
        second: top("Map"),
        third: top("Bring"),
        line: parseFloat(getComputedStyle(p).lineHeight),
      };
    });
    // Evenly spaced, one line-height apart, the line holding the link included.
    expect(Math.abs(lines.second - lines.first - lines.line)).toBeLessThanOrEqual(1);
    expect(Math.abs(lines.third - lines.second - lines.line)).toBeLessThanOrEqual(1);
    // And the link is still a 44 px tap target.
    const link = await page.getByRole("link", { name: "https://maps.example/layout" }).boundingBox();
    expect(link!.height).toBeGreaterThanOrEqual(44);
    await host.api.dispose();
  },
);

test(
  "the two-factor set-up key fits the screen and has a Copy button",
  { tag: "@layout" },
  async ({ userPage: page, context, baseURL }) => {
    await openTwoFactorSetUp(page);
    const key = page.getByLabel("Set-up key", { exact: true });
    const secret = (await key.inputValue()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // All of it in sight: nothing scrolled inside the field, nothing wider than the screen.
    expect(await key.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(
      true,
    );
    const { width } = page.viewportSize()!;
    const box = (await key.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const copy = page.getByRole("button", { name: "Copy", exact: true });
    expect(await gap(key, copy)).toBeGreaterThanOrEqual(12);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await copy.click();
    await expect(page.getByText("Key copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  },
);
