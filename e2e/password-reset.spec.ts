import { expect, logInThroughForm, test } from "./fixtures";
import { linkIn, mailsTo, waitForMail } from "./support/mail";
import { randomIp } from "./support/users";

// "Forgot your password?" through a real SMTP server (the test runner's,
// scripts/lib/mail-catcher.mjs): the mail arrives, its link sets a new
// password, every old session is gone, the new password logs in, and the
// link works once.

const REQUESTED = "If an account exists for that email, we've sent a link to reset the password.";
const NEW_PASSWORD = "lanterns over the harbour at dusk";

test(
  "forgot password → the mail → its link → a new password → old sessions gone → log in",
  { tag: "@smoke" },
  async ({ userPage, user, browser, baseURL }) => {
    // A session from before, in another browser.
    await userPage.goto("/settings");
    await expect(userPage).toHaveURL("/settings");

    const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toHaveText(REQUESTED);

    const mail = await waitForMail(user.email, { subject: /Reset your DinnerParty password/ });
    expect(mail.html).toContain("/reset-password/");
    expect(mail.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
    const link = linkIn(mail, "/reset-password/");
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("status")).toHaveText("Your password has been reset. Please log in.");

    // The session from before is over.
    await userPage.goto("/settings");
    await expect(userPage).toHaveURL(/\/login/);

    await logInThroughForm(page, { email: user.email, password: NEW_PASSWORD });
    await expect(page).toHaveURL(`/user/${user.username}`);

    // The link works once.
    await page.goto(link);
    await expect(page.getByText("This reset link is invalid or has expired.")).toBeVisible();
    await context.close();
  },
);

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same request and reset work as plain forms", { tag: "@nojs" }, async ({ page, user }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toHaveText(REQUESTED);
    const link = linkIn(await waitForMail(user.email, { subject: /Reset your/ }), "/reset-password/");
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat password", { exact: true }).fill("not the same at all, sorry");
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByText("Passwords do not match.")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("status")).toHaveText("Your password has been reset. Please log in.");
    // One reset mail (the account's confirmation mail aside).
    expect((await mailsTo(user.email)).filter((m) => /Reset your/.test(m.subject ?? ""))).toHaveLength(1);
  });
});
