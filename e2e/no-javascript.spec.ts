import { expect, logInThroughForm, nav, newUser, registerThroughForm, test } from "./fixtures";

// Every account form is a real <form> posting to a server action: it works
// before (or without) JavaScript, with the server's validation messages.
test.use({ javaScriptEnabled: false });

test("register, log out and log in again without JavaScript", { tag: "@nojs" }, async ({ page }) => {
  const user = newUser("nojs");
  await page.goto("/register");
  await registerThroughForm(page, user);
  await expect(page).toHaveURL(`/user/${user.username}`);
  await expect(page.getByRole("status")).toHaveText(`Welcome to DinnerParty, ${user.username}!`);

  await nav(page).getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("status")).toHaveText("You have been logged out.");

  await nav(page).getByRole("link", { name: "Log in" }).click();
  await logInThroughForm(page, user);
  await expect(page).toHaveURL(`/user/${user.username}`);
});

test("server-side validation messages, input kept, without JavaScript", { tag: "@nojs" }, async ({ page, user }) => {
  // Without JavaScript the browser's own checks (required, minlength, type)
  // still apply; these inputs pass them and only the server can refuse them.
  await page.goto("/register");
  await registerThroughForm(page, { ...newUser(), username: user.username }, "a different repeat");
  await expect(page.getByText("Passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Username", { exact: true })).toHaveValue(user.username);

  await registerThroughForm(page, { ...newUser(), username: user.username });
  await expect(page.getByText("User already registered.")).toBeVisible();
  await expect(page.getByText("This username is already taken.")).toBeVisible();
  await expect(page.getByLabel("Username", { exact: true })).toHaveValue(user.username);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await page.goto("/login");
  await logInThroughForm(page, { email: user.email, password: "not the right one at all" });
  await expect(page.getByText("Incorrect credentials")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
});

test(
  "a bounced visitor returns to the page asked for, without JavaScript",
  { tag: "@nojs" },
  async ({ page, user }) => {
    await page.goto(`/user/${user.username}`);
    await expect(page.getByText("Sorry, you must be logged in to view this page")).toBeVisible();
    await logInThroughForm(page, user);
    await expect(page).toHaveURL(`/user/${user.username}`);
  },
);

test(
  "host, RSVP, cancel, edit and delete a party without JavaScript",
  { tag: "@nojs" },
  async ({ page, user, browser }) => {
    const { anotherPerson, futureLocal, hostThroughForm, uniqueVenue } = await import("./support/parties");
    const { apiLogin } = await import("./support/users");
    await apiLogin(page.request, user);
    const venue = uniqueVenue("NoJS");
    await page.goto(`/user/${user.username}`);
    await hostThroughForm(page, { date: futureLocal(15), venue, mainDish: "Tart", seats: 3 });
    await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");
    await page.getByRole("link", { name: venue }).click();
    const partyUrl = page.url();

    const guestCtx = await anotherPerson(browser, test.info().project.use.baseURL!);
    // The guest's session, in a browser without JavaScript (which never learns a time zone).
    const state = await guestCtx.context.storageState();
    const guestPage = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      javaScriptEnabled: false,
      storageState: { ...state, cookies: state.cookies.filter((c) => c.name !== "dp.tz") },
      extraHTTPHeaders: { "x-forwarded-for": "10.200.0.1" },
    });
    const gp = await guestPage.newPage();
    await gp.goto(partyUrl);
    await gp.getByRole("button", { name: "RSVP" }).click();
    await expect(gp.getByRole("status")).toContainText("You successfully RSVP'd to");
    await expect(gp.getByText("2 of 3 seats taken")).toBeVisible();
    await gp.getByRole("button", { name: "Cancel RSVP" }).click();
    await expect(gp.getByRole("status")).toHaveText("Your RSVP has been cancelled.");
    await guestPage.close();
    await guestCtx.context.close();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Main dish", { exact: true }).fill("Plum tart");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Your changes have been saved.");

    // Without JavaScript the confirmation is a page of its own.
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/delete$/);
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(page.getByRole("status")).toHaveText("Your dinner party has been deleted.");
    await expect(page).toHaveURL(`/user/${user.username}`);
  },
);

test(
  "answer maybe, then going with a plus-one and a note, without JavaScript",
  { tag: "@nojs" },
  async ({ page, user, browser }) => {
    const { anotherPersonWithoutJavaScript, apiCreateParty } = await import("./support/parties");
    const { apiLogin } = await import("./support/users");
    await apiLogin(page.request, user);
    const party = await apiCreateParty(page.request, { seats: 6, plusOnesAllowed: 1 });
    const guest = await anotherPersonWithoutJavaScript(browser, test.info().project.use.baseURL!);
    const gp = guest.page;
    await gp.goto(`/parties/${party.id}`);
    await gp.getByRole("button", { name: "Maybe", exact: true }).click();
    await expect(gp).toHaveURL(`/parties/${party.id}`);
    await expect(gp.getByRole("status")).toContainText(`You're a maybe for ${user.username}'s dinner party on `);
    await expect(gp.getByText("Your RSVP: Maybe", { exact: true })).toBeVisible();

    await gp.getByLabel("Plus-ones", { exact: true }).fill("1");
    await gp.getByLabel("Note for the host").fill("Running late, start without us.");
    await gp.getByRole("button", { name: "RSVP", exact: true }).click();
    await expect(gp.getByRole("status")).toContainText(
      `You successfully RSVP'd to ${user.username}'s dinner party on `,
    );
    await expect(gp.getByText("Your RSVP: Going with 1 plus-one", { exact: true })).toBeVisible();
    await expect(gp.getByText("3 of 6 seats taken")).toBeVisible();
    await expect(gp.getByLabel("Note for the host")).toHaveValue("Running late, start without us.");

    // The host reads the note on their own list.
    await page.goto(`/parties/${party.id}`);
    await expect(page.getByRole("list", { name: /^Going/ })).toContainText(
      `${guest.user.username} +1Note: Running late, start without us.`,
    );
    await guest.context.close();
  },
);

test(
  "remove a guest through the confirmation page, without JavaScript",
  { tag: "@nojs" },
  async ({ page, user, browser }) => {
    const { anotherPerson, apiAnswer, apiCreateParty } = await import("./support/parties");
    const { apiLogin } = await import("./support/users");
    await apiLogin(page.request, user);
    const party = await apiCreateParty(page.request, { seats: 6 });
    const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
    await apiAnswer(guest.page.request, party.id, { response: "going" });

    await page.goto(`/parties/${party.id}`);
    await expect(page.getByText("2 of 6 seats taken")).toBeVisible();
    await page.getByRole("button", { name: `Remove ${guest.user.username}` }).click();
    // No confirm() dialog without JavaScript: a page asks instead.
    await expect(page).toHaveURL(`/parties/${party.id}/guests/${guest.user.username}/remove`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${guest.user.username}?`);
    const before = (await (await page.request.get(`/api/parties/${party.id}/guests`)).json()).guests;
    expect(before.map((g: { username: string }) => g.username)).toContain(guest.user.username);

    await page.getByRole("button", { name: `Yes, remove ${guest.user.username}` }).click();
    await expect(page).toHaveURL(`/parties/${party.id}`);
    await expect(page.getByRole("status")).toHaveText(
      `${guest.user.username} has been removed from your dinner party.`,
    );
    await expect(page.getByText("1 of 6 seats taken")).toBeVisible();
    await expect(page.getByRole("list", { name: /^Going/ })).not.toContainText(guest.user.username);
    await guest.context.close();
  },
);

test(
  "a callbackUrl that normalises to another site is dropped from the form, and refused when forged",
  { tag: "@nojs" },
  async ({ page, user }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
    await expect(page.locator('input[name="callbackUrl"]')).toHaveCount(0);

    // The form's own fields, posted with a forged callbackUrl: the redirect stays here.
    const form: Record<string, string> = {};
    for (const input of await page.locator("form:has(input[name=password]) input[type=hidden]").all()) {
      form[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
    }
    const answer = await page.request.post(page.url(), {
      headers: { origin: new URL(page.url()).origin },
      multipart: { ...form, email: user.email, password: user.password, callbackUrl: "/..//evil.example" },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe(`/user/${user.username}`);
  },
);
