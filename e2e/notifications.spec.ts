import { expect, test } from "./fixtures";
import { header, linkIn, mailsTo, waitForMail } from "./support/mail";
import {
  anotherPerson,
  anotherPersonWithoutJavaScript,
  apiAnswer,
  apiCreateParty,
  futureLocal,
} from "./support/parties";

// Notification mails through the test runner's real SMTP server: the host
// hears of an answer, going guests of a new date, an unsubscribe link stops
// its kind only, and "Message your guests" reaches the guests and the page.

const baseURL = () => test.info().project.use.baseURL!;

test(
  "a guest RSVPs → the host's mail names the guest and the party",
  { tag: "@smoke" },
  async ({ userPage: hostPage, user: host, browser }) => {
    const party = await apiCreateParty(hostPage.request, { title: "Dumpling night" });
    const guest = await anotherPerson(browser, baseURL(), "notif");
    await guest.page.goto(`/parties/${party.id}`);
    await guest.page
      .getByRole("region", { name: "Your answer" })
      .getByRole("button", { name: "RSVP", exact: true })
      .click();
    await expect(guest.page.getByRole("status")).toContainText("You successfully RSVP'd");

    const mail = await waitForMail(host.email, { subject: /is going to Dumpling night/ });
    expect(mail.subject).toBe(`${guest.user.username} is going to Dumpling night`);
    expect(mail.text).toContain(`${guest.user.username} is going to Dumpling night.`);
    expect(mail.html).toContain(`/parties/${party.id}`);
    expect(String(header(mail, "List-Unsubscribe"))).toMatch(/^<http:\/\/[^>]+\/api\/unsubscribe\/[\w-]+>$/);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    await guest.context.close();

    // Read on a phone: nothing wider than the screen, the long addresses included.
    const reader = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await reader.setContent(String(mail.html));
    const [scroll, client] = await reader.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    await reader.close();
  },
);

test(
  "the host moves the date → going guests are mailed; the unsubscribe link stops that kind, others continue",
  { tag: "@smoke" },
  async ({ userPage: hostPage, browser }) => {
    const party = await apiCreateParty(hostPage.request);
    const guest = await anotherPerson(browser, baseURL(), "moved");
    await apiAnswer(guest.context.request, party.id, { response: "going" });

    await hostPage.goto(`/parties/${party.id}/edit`);
    await hostPage.getByLabel("Date", { exact: true }).fill(futureLocal(40, "20:00"));
    await hostPage.getByRole("button", { name: "Save changes" }).click();
    await expect(hostPage.getByRole("status")).toHaveText("Your changes have been saved.");

    const changed = await waitForMail(guest.user.email, { subject: /has changed/ });
    expect(changed.text).toContain("The host changed the date and time.");

    // The footer's link: opening it changes nothing, its button does — no login needed.
    const anonymous = await browser.newContext({ baseURL: baseURL() });
    const page = await anonymous.newPage();
    await page.goto(linkIn(changed, "/unsubscribe/"));
    await expect(page.getByText("Stop the mails for “A party I'm going to changes or is cancelled”?")).toBeVisible();
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("status")).toContainText(
      "You will no longer get mails for “A party I'm going to changes",
    );
    await anonymous.close();

    await hostPage.goto(`/parties/${party.id}/edit`);
    await hostPage.getByLabel("Date", { exact: true }).fill(futureLocal(41, "20:00"));
    await hostPage.getByRole("button", { name: "Save changes" }).click();
    await expect(hostPage.getByRole("status")).toHaveText("Your changes have been saved.");
    // Another kind still arrives — and, sent after the second change, it proves that one was not mailed.
    await hostPage.getByLabel("Message", { exact: true }).fill("See you there!");
    await hostPage.getByRole("button", { name: "Send message" }).click();
    await expect(hostPage.getByRole("status")).toHaveText("Your message has been sent to 1 guests.");
    await waitForMail(guest.user.email, { subject: /A message from/ });
    expect((await mailsTo(guest.user.email)).filter((m) => /has changed/.test(m.subject ?? ""))).toHaveLength(1);
    await guest.context.close();
  },
);

test("Message your guests: listed under 'Messages from the host' for the guests, and mailed", async ({
  userPage: hostPage,
  user: host,
  browser,
}) => {
  const party = await apiCreateParty(hostPage.request);
  const guest = await anotherPerson(browser, baseURL(), "msg");
  await apiAnswer(guest.context.request, party.id, { response: "maybe" });
  await hostPage.goto(`/parties/${party.id}`);
  // Blank is refused by the server (the browser only checks that something was typed).
  await hostPage.getByLabel("Message", { exact: true }).fill("   ");
  await hostPage.getByRole("button", { name: "Send message" }).click();
  await expect(hostPage.getByRole("alert").filter({ hasText: "Enter a message." })).toBeVisible();
  await expect(hostPage.getByRole("region", { name: "Messages from the host" })).toHaveCount(0);
  await hostPage.getByLabel("Message", { exact: true }).fill("The door code is 4321.\nRing twice.");
  await hostPage.getByRole("button", { name: "Send message" }).click();
  await expect(hostPage.getByRole("status")).toHaveText("Your message has been sent to 1 guests.");
  const list = hostPage.getByRole("region", { name: "Messages from the host" });
  await expect(list).toContainText("The door code is 4321.");

  await guest.page.goto(`/parties/${party.id}`);
  await expect(guest.page.getByRole("region", { name: "Messages from the host" })).toContainText("Ring twice.");
  await expect(guest.page.getByRole("button", { name: "Send message" })).toHaveCount(0);
  const mail = await waitForMail(guest.user.email, { subject: new RegExp(`A message from ${host.username}`) });
  expect(mail.text).toContain("The door code is 4321.");
  await guest.context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test(
    "Email notifications in /settings: untick, save, and the choice holds",
    { tag: "@nojs" },
    async ({ userPage: page }) => {
      await page.goto("/settings");
      const section = page.getByRole("region", { name: "Email notifications" });
      for (const label of [
        "Someone answers my party's invitation",
        "A seat opens up for me",
        "A party I'm going to changes or is cancelled",
        "A reminder the day before",
        "Messages from hosts",
      ])
        await expect(section.getByLabel(label, { exact: true })).toBeChecked();
      await section.getByLabel("A reminder the day before", { exact: true }).uncheck();
      await section.getByRole("button", { name: "Save email notifications" }).click();
      await expect(page.getByRole("status")).toHaveText("Your email notifications have been saved.");
      await expect(section.getByLabel("A reminder the day before", { exact: true })).not.toBeChecked();
      await expect(section.getByLabel("Messages from hosts", { exact: true })).toBeChecked();
      const prefs = await (await page.request.get("/api/me/notifications")).json();
      expect(prefs).toEqual({
        rsvps: true,
        seatOpened: true,
        partyChanged: true,
        reminders: false,
        hostMessages: true,
      });
    },
  );

  test("a host messages the guests with a plain form", { tag: "@nojs" }, async ({ userPage: hostPage, browser }) => {
    const party = await apiCreateParty(hostPage.request);
    const guest = await anotherPersonWithoutJavaScript(browser, baseURL(), "nojsmsg");
    await apiAnswer(guest.context.request, party.id, { response: "going" });
    await hostPage.goto(`/parties/${party.id}`);
    await hostPage.getByLabel("Message", { exact: true }).fill("Parking behind the bakery.");
    await hostPage.getByRole("button", { name: "Send message" }).click();
    await expect(hostPage.getByRole("status")).toHaveText("Your message has been sent to 1 guests.");
    await guest.page.goto(`/parties/${party.id}`);
    await expect(guest.page.getByRole("region", { name: "Messages from the host" })).toContainText("Parking behind");
    await guest.context.close();
  });
});
