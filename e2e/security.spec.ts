import type { Page } from "@playwright/test";
import { expect, logInThroughForm, test } from "./fixtures";
import { apiCreateParty } from "./support/parties";

/** Console errors and CSP reports of a page, for the lifetime of the test. */
async function watch(page: Page) {
  const problems: string[] = [];
  // Some violations (a caught eval probe, say) never reach the console:
  // report every one the document sees.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (m) => {
    const text = m.text();
    // The document of a 404 page is itself "a resource that failed to load".
    if (/Failed to load resource: the server responded with a status of 404/.test(text)) return;
    if (m.type() === "error" || /Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

test("no CSP violation or script error on any page, logged out or in", { tag: "@smoke" }, async ({ page, user }) => {
  test.setTimeout(120_000);
  const problems = await watch(page);
  for (const path of ["/", "/login", "/register", "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // A form showing errors.
  await page.goto("/login");
  await logInThroughForm(page, { email: user.email, password: "not the password at all" });
  await expect(page.getByText("Incorrect credentials").first()).toBeVisible();
  await logInThroughForm(page, user);
  await expect(page).toHaveURL(`/user/${user.username}`);

  const party = await apiCreateParty(page.request);
  for (const path of [
    "/",
    `/user/${user.username}`,
    "/rsvp",
    `/parties/${party.id}`,
    `/parties/${party.id}/edit`,
    `/parties/${party.id}/delete`,
    "/settings",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation and a server action round trip.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "RSVP" }).click();
  await expect(page).toHaveURL("/rsvp");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have been logged out.");
  expect(problems).toEqual([]);
});

test("scripts carry this response's nonce; injected inline handlers do not run", async ({ page }) => {
  const res = await page.goto("/login");
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  // Every script the server sent carries it (scripts those load later need
  // none: 'strict-dynamic' trusts what trusted scripts load).
  const scripts = [...(await res!.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const violations: string[] = [];
  page.on("console", (m) => violations.push(m.text()));
  // What an XSS would plant: markup with an inline event handler.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image.png" onerror="window.__injected = true">');
  });
  // The browser reports the blocked handler when the image fails: by then it would have run.
  await expect.poll(() => violations.some((v) => /Content Security Policy/i.test(v))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
});
