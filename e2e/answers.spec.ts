import fs from "node:fs/promises";
import { expect, test } from "./fixtures";
import { sql, toDate } from "./support/db";
import { anotherPerson, apiAnswer, apiCreateParty, futureLocal, hostThroughForm, uniqueVenue } from "./support/parties";

// Part 2, "Guest answers, plus-ones and the waitlist" (shared/design.md): the
// party page's answer buttons, the waitlist moving, the host's guest list
// with "Remove", the CSV download, and the party form's new fields.

const baseURL = () => test.info().project.use.baseURL!;

test.describe("a guest's answers", () => {
  test(
    "maybe, then going with a plus-one, each confirmed",
    { tag: ["@smoke", "@layout"] },
    async ({ userPage: hostPage, user: host, browser }) => {
      const party = await apiCreateParty(hostPage.request, { seats: 6, plusOnesAllowed: 2 });
      const guest = await anotherPerson(browser, baseURL(), "ans");
      const page = guest.page;
      await page.goto(`/parties/${party.id}`);
      const answer = page.getByRole("region", { name: "Your answer" });
      // No answer yet: the plus-ones field (0 to what the host allows) and the three buttons, no note, no cancel.
      const plusOnes = answer.getByLabel("Plus-ones", { exact: true });
      await expect(plusOnes).toHaveAttribute("type", "number");
      await expect(plusOnes).toHaveAttribute("min", "0");
      await expect(plusOnes).toHaveAttribute("max", "2");
      await expect(answer.getByRole("button")).toHaveText(["RSVP", "Maybe", "Can't go"]);
      await expect(answer.getByText(/^Your RSVP:/)).toHaveCount(0);
      await expect(page.getByLabel("Note for the host")).toHaveCount(0);

      await answer.getByRole("button", { name: "Maybe", exact: true }).click();
      await expect(page.getByRole("status")).toContainText(`You're a maybe for ${host.username}'s dinner party on `);
      await expect(page.getByText("Your RSVP: Maybe", { exact: true })).toBeVisible();
      await expect(page.getByText("1 of 6 seats taken")).toBeVisible();
      await expect(page.getByRole("list", { name: "Maybe" }).getByRole("listitem")).toHaveText([guest.user.username]);
      await expect(answer.getByRole("button", { name: "Cancel RSVP" })).toBeVisible();

      // Now going, bringing one, with a note for the host.
      await answer.getByLabel("Plus-ones", { exact: true }).fill("1");
      const note = answer.getByLabel("Note for the host");
      await expect(note).toHaveAttribute("maxlength", "280");
      await note.fill("I'll bring bread.");
      await answer.getByRole("button", { name: "RSVP", exact: true }).click();
      await expect(page.getByRole("status")).toContainText(
        `You successfully RSVP'd to ${host.username}'s dinner party on `,
      );
      await expect(page.getByText("Your RSVP: Going with 1 plus-one", { exact: true })).toBeVisible();
      await expect(page.getByText("3 of 6 seats taken")).toBeVisible();
      await expect(page.getByRole("list", { name: "Guest list" }).getByRole("listitem")).toHaveText([
        `${host.username} (host)`,
        `${guest.user.username} +1`,
      ]);
      await expect(page.getByRole("list", { name: "Maybe" })).toHaveCount(0);
      await expect(answer.getByLabel("Note for the host")).toHaveValue("I'll bring bread.");
      await expect(answer.getByLabel("Plus-ones", { exact: true })).toHaveValue("1");

      // The same answer with other plus-ones is an update.
      await answer.getByLabel("Plus-ones", { exact: true }).fill("2");
      await answer.getByRole("button", { name: "RSVP", exact: true }).click();
      await expect(page.getByRole("status")).toHaveText("Your RSVP has been updated.");
      await expect(page.getByText("Your RSVP: Going with 2 plus-ones", { exact: true })).toBeVisible();

      // The note reached the host, and only the host.
      const stored = await sql<{ note: string; plusOnes: number; response: string }>(
        `SELECT a."note", a."plusOnes", a."response" FROM "Attendance" a JOIN "User" u ON u."id" = a."userId"
       WHERE a."partyId" = $1 AND u."username" = $2`,
        [party.id, guest.user.username],
      );
      expect(stored.map((r) => ({ ...r, plusOnes: Number(r.plusOnes) }))).toEqual([
        { note: "I'll bring bread.", plusOnes: 2, response: "going" },
      ]);
      await hostPage.goto(`/parties/${party.id}`);
      const going = hostPage.getByRole("list", { name: /^Going/ });
      await expect(going.getByRole("listitem").filter({ hasText: guest.user.username })).toContainText(
        `${guest.user.username} +2`,
      );
      await expect(going.getByRole("listitem").filter({ hasText: guest.user.username })).toContainText(
        "I'll bring bread.",
      );

      await answer.getByRole("button", { name: "Can't go", exact: true }).click();
      await expect(page.getByRole("status")).toHaveText(`Thanks for letting ${host.username} know you can't make it.`);
      await expect(page.getByText("Your RSVP: Can't go", { exact: true })).toBeVisible();
      await expect(page.getByText("1 of 6 seats taken")).toBeVisible();
      await guest.context.close();
    },
  );

  test(
    "a full party with a waitlist: join it, and get the seat a going guest gives up",
    { tag: "@smoke" },
    async ({ userPage: hostPage, browser }) => {
      const party = await apiCreateParty(hostPage.request, { seats: 2, waitlist: true });
      const first = await anotherPerson(browser, baseURL(), "seated");
      await apiAnswer(first.page.request, party.id, { response: "going" });

      const late = await anotherPerson(browser, baseURL(), "late");
      await late.page.goto(`/parties/${party.id}`);
      await expect(late.page.getByText("2 of 2 seats taken")).toBeVisible();
      const answer = late.page.getByRole("region", { name: "Your answer" });
      await expect(answer.getByRole("button", { name: "RSVP", exact: true })).toHaveCount(0);
      await answer.getByRole("button", { name: "Join the waitlist" }).click();
      await expect(late.page.getByRole("status")).toHaveText(
        "This dinner party is full. You're number 1 on the waitlist.",
      );
      await expect(late.page.getByText("Your RSVP: Waitlist, number 1", { exact: true })).toBeVisible();
      // The waitlisted name is the host's to see, not the other guests'.
      await expect(late.page.getByRole("list", { name: "Guest list" })).not.toContainText(late.user.username);

      await first.page.goto(`/parties/${party.id}`);
      await expect(first.page.getByText("Your RSVP: Going", { exact: true })).toBeVisible();
      await first.page.getByRole("button", { name: "Cancel RSVP" }).click();
      await expect(first.page.getByRole("status")).toHaveText("Your RSVP has been cancelled.");

      await late.page.reload();
      await expect(late.page.getByText("Your RSVP: Going", { exact: true })).toBeVisible();
      await expect(late.page.getByText("2 of 2 seats taken")).toBeVisible();
      await expect(late.page.getByRole("list", { name: "Guest list" })).toContainText(late.user.username);
      await first.context.close();
      await late.context.close();
    },
  );

  test("a hidden guest list: guests see the counts only, the host sees everyone", async ({
    userPage: hostPage,
    browser,
  }) => {
    const party = await apiCreateParty(hostPage.request, { seats: 6, guestListHidden: true });
    const going = await anotherPerson(browser, baseURL(), "quiet");
    await apiAnswer(going.page.request, party.id, { response: "going" });
    const maybe = await anotherPerson(browser, baseURL(), "unsure");
    await apiAnswer(maybe.page.request, party.id, { response: "maybe" });

    await going.page.goto(`/parties/${party.id}`);
    const list = going.page.getByRole("region", { name: "Guest list" });
    await expect(list).toContainText("2 going · 1 maybe");
    await expect(list).not.toContainText(maybe.user.username);
    await expect(going.page.getByRole("list", { name: "Guest list" })).toHaveCount(0);
    await expect(going.page.getByText("Your RSVP: Going", { exact: true })).toBeVisible();

    await hostPage.goto(`/parties/${party.id}`);
    await expect(hostPage.getByText("2 going · 1 maybe · 0 can't go · 0 on the waitlist")).toBeVisible();
    await expect(hostPage.getByRole("list", { name: /^Maybe/ })).toContainText(maybe.user.username);
    await expect(hostPage.getByRole("list", { name: /^Going/ })).toContainText(going.user.username);
    await going.context.close();
    await maybe.context.close();
  });
});

test.describe("the host's guest list", () => {
  test(
    "counts, every answer with notes and places, and Remove after confirming",
    { tag: "@smoke" },
    async ({ userPage: page, user: host, browser }) => {
      const party = await apiCreateParty(page.request, { seats: 3, plusOnesAllowed: 1, waitlist: true });
      const ana = await anotherPerson(browser, baseURL(), "ana");
      await apiAnswer(ana.page.request, party.id, { response: "going", plusOnes: 1, note: "Vegan, please" });
      const bo = await anotherPerson(browser, baseURL(), "bo");
      await apiAnswer(bo.page.request, party.id, { response: "maybe" });
      const cy = await anotherPerson(browser, baseURL(), "cy");
      await apiAnswer(cy.page.request, party.id, { response: "declined", note: "Sorry!" });
      const di = await anotherPerson(browser, baseURL(), "di");
      expect((await apiAnswer(di.page.request, party.id, { response: "going" })).response).toBe("waitlisted");

      await page.goto(`/parties/${party.id}`);
      await expect(page.getByText("2 going · 1 maybe · 1 can't go · 1 on the waitlist")).toBeVisible();
      const group = (name: string) => page.getByRole("list", { name: new RegExp(`^${name}`) });
      await expect(group("Going").getByRole("listitem")).toHaveCount(2);
      await expect(group("Going").getByRole("listitem").first()).toContainText(`${host.username} (host)`);
      await expect(group("Going").getByRole("listitem").nth(1)).toContainText(`${ana.user.username} +1`);
      await expect(group("Going").getByRole("listitem").nth(1)).toContainText("Vegan, please");
      await expect(group("Maybe")).toContainText(bo.user.username);
      await expect(group("Can't go")).toContainText(`${cy.user.username}Note: Sorry!`);
      await expect(group("Waitlist").getByRole("listitem")).toHaveText([new RegExp(`^1\\.${di.user.username}`)]);
      // Beside each guest, not the host.
      await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(4);
      await expect(page.getByRole("button", { name: `Remove ${host.username}` })).toHaveCount(0);

      // Dismissed: nothing happens.
      page.once("dialog", (dialog) => void dialog.dismiss());
      await page.getByRole("button", { name: `Remove ${ana.user.username}` }).click();
      await expect(page).toHaveURL(`/parties/${party.id}`);
      await expect(group("Going")).toContainText(ana.user.username);

      let asked = "";
      page.once("dialog", (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      await page.getByRole("button", { name: `Remove ${ana.user.username}` }).click();
      await expect(page.getByRole("status")).toHaveText(
        `${ana.user.username} has been removed from your dinner party.`,
      );
      expect(asked).toContain(`Remove ${ana.user.username}`);
      await expect(page).toHaveURL(`/parties/${party.id}`);
      // Ana's two seats went to the waitlist.
      await expect(group("Going")).not.toContainText(ana.user.username);
      await expect(group("Going")).toContainText(di.user.username);
      await expect(page.getByText("2 going · 1 maybe · 1 can't go · 0 on the waitlist")).toBeVisible();

      // A removed guest cannot answer again.
      await ana.page.goto(`/parties/${party.id}`);
      await expect(ana.page.getByText(/^Your RSVP:/)).toHaveCount(0);
      await ana.page.getByRole("button", { name: "Maybe", exact: true }).click();
      await expect(
        ana.page.getByRole("alert").filter({ hasText: "The host has removed you from this dinner party." }),
      ).toBeVisible();
      for (const p of [ana, bo, cy, di]) await p.context.close();
    },
  );

  test(
    "the CSV download: RFC 4180, UTF-8 with a BOM, formula-safe, host only",
    { tag: "@smoke" },
    async ({ userPage: page, user: host, browser, playwright }) => {
      const party = await apiCreateParty(page.request, { seats: 6, plusOnesAllowed: 2 });
      const ana = await anotherPerson(browser, baseURL(), "csv");
      await apiAnswer(ana.page.request, party.id, {
        response: "going",
        plusOnes: 2,
        note: 'No nuts, please — "really" none\nThanks',
      });
      const bo = await anotherPerson(browser, baseURL(), "csv");
      await apiAnswer(bo.page.request, party.id, { response: "maybe", note: '=HYPERLINK("http://evil.example","x")' });
      const cy = await anotherPerson(browser, baseURL(), "csv");
      await apiAnswer(cy.page.request, party.id, { response: "declined", note: "@cy" });
      const answered = await sql<{ username: string; answeredAt: unknown }>(
        `SELECT u."username", a."answeredAt" FROM "Attendance" a JOIN "User" u ON u."id" = a."userId" WHERE a."partyId" = $1`,
        [party.id],
      );
      const at = (username: string) => toDate(answered.find((r) => r.username === username)!.answeredAt).toISOString();

      await page.goto(`/parties/${party.id}`);
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download guest list (CSV)" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`dinner-party-${party.id}-guests.csv`);
      const bytes = await fs.readFile((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString("utf8");
      expect(text.endsWith("\r\n")).toBe(true);
      // Every line break outside a quoted note is CRLF.
      expect(text.replace(/"(?:[^"]|"")*"/g, "").match(/\r?\n/g)).toEqual(Array(5).fill("\r\n"));
      expect(text).toBe(
        [
          "username,answer,plus-ones,note,answered at,dietary needs",
          `${host.username},going,0,,${at(host.username)},`,
          `${ana.user.username},going,2,"No nuts, please — ""really"" none\nThanks",${at(ana.user.username)},`,
          `${bo.user.username},maybe,0,"'=HYPERLINK(""http://evil.example"",""x"")",${at(bo.user.username)},`,
          `${cy.user.username},declined,0,'@cy,${at(cy.user.username)},`,
          "",
        ].join("\r\n"),
      );
      expect(at(host.username)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      const res = await page.request.get(`/parties/${party.id}/guests.csv`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect(res.headers()["content-disposition"]).toBe(`attachment; filename="dinner-party-${party.id}-guests.csv"`);
      expect(res.headers()["cache-control"]).toBe("private, no-store");

      // A guest: 403; an unknown party: 404; nobody logged in: to the login page, and back.
      const guestRes = await ana.page.request.get(`/parties/${party.id}/guests.csv`);
      expect(guestRes.status()).toBe(403);
      expect(await guestRes.text()).not.toContain("No nuts");
      expect(guestRes.headers()["cache-control"]).toBe("private, no-store");
      expect((await page.request.get("/parties/2147483647/guests.csv")).status()).toBe(404);
      expect((await page.request.get("/parties/abc/guests.csv")).status()).toBe(404);
      const anonymous = await playwright.request.newContext({ baseURL: baseURL() });
      const bounced = await anonymous.get(`/parties/${party.id}/guests.csv`, { maxRedirects: 0 });
      expect(bounced.status()).toBeGreaterThanOrEqual(300);
      expect(bounced.status()).toBeLessThan(400);
      expect(bounced.headers().location).toContain(
        `/login?callbackUrl=${encodeURIComponent(`/parties/${party.id}/guests.csv`)}`,
      );
      // A session cookie the server does not know passes the proxy: the route itself sends it to log in.
      const stale = await playwright.request.newContext({
        baseURL: baseURL(),
        extraHTTPHeaders: { cookie: "dp.session=not-a-session" },
      });
      const staleRes = await stale.get(`/parties/${party.id}/guests.csv`, { maxRedirects: 0 });
      expect(staleRes.headers().location).toContain(
        `/login?callbackUrl=${encodeURIComponent(`/parties/${party.id}/guests.csv`)}`,
      );
      // The host's copy is never served to someone else, however soon after.
      expect((await ana.page.request.get(`/parties/${party.id}/guests.csv`)).status()).toBe(403);
      await anonymous.dispose();
      await stale.dispose();
      for (const p of [ana, bo, cy]) await p.context.close();
    },
  );

  test("the removal confirmation page is the host's, for a guest of the party", async ({ userPage: page, browser }) => {
    const party = await apiCreateParty(page.request);
    const guest = await anotherPerson(browser, baseURL(), "conf");
    await apiAnswer(guest.page.request, party.id, { response: "going" });
    const path = `/parties/${party.id}/guests/${guest.user.username}/remove`;
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${guest.user.username}?`);
    await expect(page.getByRole("button", { name: `Yes, remove ${guest.user.username}` })).toBeVisible();
    await page.getByRole("link", { name: `Keep ${guest.user.username}` }).click();
    await expect(page).toHaveURL(`/parties/${party.id}`);

    expect((await guest.page.goto(path))?.status()).toBe(403);
    await expect(guest.page.getByRole("heading", { name: "Only the host can do that" })).toBeVisible();
    expect((await page.goto(`/parties/${party.id}/guests/nobody_here/remove`))?.status()).toBe(404);
    expect((await page.goto(`/parties/2147483647/guests/${guest.user.username}/remove`))?.status()).toBe(404);
    await guest.context.close();
  });
});

test.describe("the party form's guest settings", () => {
  test("create with plus-ones, a waitlist, a deadline and a hidden list; edit them back", async ({
    userPage: page,
    user,
  }) => {
    const { timezoneId } = test.info().project.use;
    const venue = uniqueVenue("Settings");
    await page.goto(`/user/${user.username}`);
    await expect(page.getByLabel("Plus-ones per guest")).toHaveValue("0");
    await expect(page.getByLabel("Waitlist when full")).not.toBeChecked();
    await expect(page.getByLabel("Show the guest list to guests")).toBeChecked();
    await expect(page.getByLabel("RSVP by")).toHaveValue("");
    await expect(page.getByText(/^Optional/)).toBeVisible();

    // A deadline after the start is refused, under its field, the rest kept.
    await page.getByLabel("RSVP by").fill(futureLocal(21, "12:00"));
    await page.getByLabel("Plus-ones per guest").fill("2");
    await page.getByLabel("Waitlist when full").check();
    await page.getByLabel("Show the guest list to guests").uncheck();
    await hostThroughForm(page, { date: futureLocal(20), venue, mainDish: "Paella", seats: 8 });
    await expect(page.getByText("Choose an RSVP deadline before the party starts.")).toBeVisible();
    await expect(page.getByLabel("RSVP by")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Plus-ones per guest")).toHaveValue("2");
    await expect(page.getByLabel("Waitlist when full")).toBeChecked();

    const deadline = futureLocal(19, "12:00");
    await page.getByLabel("RSVP by").fill(deadline);
    await page.getByRole("button", { name: "Create party" }).click();
    await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");
    const [row] = await sql<{ id: number }>(`SELECT "id" FROM "DinnerParty" WHERE "venue" = $1`, [venue]);
    const created = await (await page.request.get(`/api/parties/${row!.id}`)).json();
    expect(created).toMatchObject({ plusOnesAllowed: 2, waitlist: true, guestListHidden: true });
    const { localInputToUtc } = await import("../lib/time");
    expect(created.rsvpBy).toBe(localInputToUtc(deadline, timezoneId!)!.toISOString());

    await page.goto(`/parties/${row!.id}/edit`);
    await expect(page.getByLabel("Plus-ones per guest")).toHaveValue("2");
    await expect(page.getByLabel("Waitlist when full")).toBeChecked();
    await expect(page.getByLabel("Show the guest list to guests")).not.toBeChecked();
    await expect(page.getByLabel("RSVP by")).toHaveValue(deadline);
    await page.getByLabel("Plus-ones per guest").fill("0");
    await page.getByLabel("Waitlist when full").uncheck();
    await page.getByLabel("Show the guest list to guests").check();
    await page.getByLabel("RSVP by").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Your changes have been saved.");
    const saved = await (await page.request.get(`/api/parties/${row!.id}`)).json();
    expect(saved).toMatchObject({ plusOnesAllowed: 0, waitlist: false, guestListHidden: false, rsvpBy: null });
  });
});
