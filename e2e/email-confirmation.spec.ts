import { apiLogin, createUser, expect, newUser, registerThroughForm, test } from "./fixtures";
import { linkIn, mailsTo, waitForMail } from "./support/mail";

// "Confirm your email" through a real SMTP server (the test runner's): the
// mail of a new account arrives, its link confirms the address, and the
// profile's banner is gone; "Send the link again" sends another.

const PLEASE = "Please confirm your email address.";

test("register → the confirmation mail → its link → the banner is gone", { tag: "@smoke" }, async ({ page }) => {
  const user = newUser("confirm");
  await page.goto("/register");
  await registerThroughForm(page, user);
  await expect(page).toHaveURL(`/user/${user.username}`);
  await expect(page.getByText(PLEASE)).toBeVisible();

  const mail = await waitForMail(user.email, { subject: /Confirm your DinnerParty email address/ });
  expect(mail.html).toContain("/verify-email/");
  const link = linkIn(mail, "/verify-email/");
  // Opening the link changes nothing (a mail scanner opens it first); "Confirm" does.
  await page.goto(link);
  await expect(page.getByText(`Confirm ${user.email} as the email address of your DinnerParty account?`)).toBeVisible();
  await page.goto(`/user/${user.username}`);
  await expect(page.getByText(PLEASE)).toBeVisible();
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(`/user/${user.username}`);
  await expect(page.getByRole("status")).toHaveText("Your email address has been confirmed.");
  await expect(page.getByText(PLEASE)).toHaveCount(0);
  await page.goto(link);
  await expect(page.getByText("This confirmation link is invalid or has expired.")).toBeVisible();
});

test("Change email: needs the password, tells the old address, takes effect once the new one is confirmed", async ({
  userPage: page,
  user,
}) => {
  const newEmail = newUser("moved").email;
  await page.goto("/settings");
  await page.getByLabel("New email", { exact: true }).fill(newEmail);
  await page.getByLabel("Password (to confirm it's you)", { exact: true }).fill("certainly not the password");
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Password (to confirm it's you)", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `We've sent a confirmation link to ${newEmail}. Your address changes once you open it.`,
  );
  await expect(page.getByText(`(${user.email})`)).toBeVisible();
  await waitForMail(user.email, { subject: /is being changed/ });
  await page.goto(linkIn(await waitForMail(newEmail, { subject: /Confirm your new/ }), "/verify-email/"));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status")).toHaveText("Your email address has been confirmed.");
  await page.goto("/settings");
  await expect(page.getByText(`(${newEmail})`)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Send the link again: a second mail, whose link confirms", { tag: "@nojs" }, async ({ page }) => {
    // Registered through the API: registration mails the first link.
    const user = await createUser(page.request, newUser());
    await apiLogin(page.request, user);
    await page.goto(`/user/${user.username}`);
    await waitForMail(user.email, { subject: /Confirm your/ });
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("status")).toHaveText("We've sent you a new confirmation link.");
    const second = await waitForMail(user.email, { subject: /Confirm your/, n: 2 });
    await page.goto(linkIn(second, "/verify-email/"));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Your email address has been confirmed.")).toBeVisible();
    await page.goto(`/user/${user.username}`);
    await expect(page.getByText(PLEASE)).toHaveCount(0);
    expect((await mailsTo(user.email)).length).toBe(2);
  });
});
