import { expect, test } from "./fixtures";
import { dbDate, sql } from "./support/db";
import {
  anotherPerson,
  apiAnswer,
  apiCreateParty,
  futureLocal,
  hostThroughForm,
  partyCard,
  soon,
  uniqueVenue,
} from "./support/parties";
import { formatPartyDate, localInputToUtc } from "../lib/time";

test.describe("hosting", () => {
  test(
    "a host creates a party from their profile and finds it, with its Party ID",
    { tag: ["@smoke", "@layout"] },
    async ({ userPage: page, user }) => {
      await page.goto(`/user/${user.username}`);
      await expect(page.getByRole("heading", { name: "Host a dinner party" })).toBeVisible();
      const venue = uniqueVenue("Oak");
      await hostThroughForm(page, { date: futureLocal(20), venue, mainDish: "Beef Wellington", seats: 6 });

      await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");
      const list = page.getByRole("list", { name: `Parties hosted by ${user.username}` });
      const card = list.getByRole("listitem").filter({ hasText: venue });
      await expect(card).toBeVisible();
      await expect(card).toContainText("Beef Wellington");
      await expect(card).toContainText("5 seats left");
      const rows = await sql<{ id: number; seatsTaken: number }>(
        `SELECT "id", "seatsTaken" FROM "DinnerParty" WHERE "venue" = $1`,
        [venue],
      );
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]!.seatsTaken)).toBe(1); // the host is the first attendee
      await expect(card).toContainText(`Party ID${rows[0]!.id}`);
      // One name for a party without a title, on its card and its page.
      await expect(card.getByRole("heading", { level: 3 })).toHaveText(`Dinner at ${venue}`);
      await card.getByRole("link", { name: `Dinner at ${venue}` }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dinner at ${venue}`);
    },
  );

  test("the form refuses a past date, an empty venue and too many seats, keeping the input", async ({
    userPage: page,
    user,
  }) => {
    await page.goto(`/user/${user.username}`);
    await hostThroughForm(page, { date: "2020-01-01T19:00", venue: "", mainDish: "Soup", seats: 101 });
    await expect(page.getByText("Choose a date and time in the future.")).toBeVisible();
    await expect(page.getByText("Enter the venue.")).toBeVisible();
    await expect(page.getByText("A party can have at most 100 seats.")).toBeVisible();
    await expect(page.getByLabel("Main dish", { exact: true })).toHaveValue("Soup");
    await expect(page.getByLabel("Venue", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("the host sees Edit and Delete; others do not, and the host pages refuse them", async ({
    userPage: page,
    browser,
  }) => {
    const party = await apiCreateParty(page.request);
    await page.goto(`/parties/${party.id}`);
    await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel RSVP" })).toHaveCount(0);

    const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
    await guest.page.goto(`/parties/${party.id}`);
    await expect(guest.page.getByRole("heading", { name: `Dinner at ${party.venue}` })).toBeVisible();
    await expect(guest.page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(guest.page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    for (const path of [`/parties/${party.id}/edit`, `/parties/${party.id}/delete`]) {
      const res = await guest.page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(guest.page.getByRole("heading", { name: "Only the host can do that" })).toBeVisible();
    }
    await guest.context.close();
  });

  test(
    "the host edits a party; seats cannot drop below the people coming",
    { tag: "@smoke" },
    async ({ userPage: page, browser }) => {
      const party = await apiCreateParty(page.request, { seats: 4 });
      const baseURL = test.info().project.use.baseURL!;
      const guests = [await anotherPerson(browser, baseURL), await anotherPerson(browser, baseURL)];
      for (const guest of guests) {
        expect((await guest.page.request.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);
      }

      await page.goto(`/parties/${party.id}`);
      await page.getByRole("link", { name: "Edit" }).click();
      await expect(page).toHaveURL(`/parties/${party.id}/edit`);
      await expect(page.getByLabel("Venue", { exact: true })).toHaveValue(party.venue);
      await expect(page.getByLabel("Number of seats", { exact: true })).toHaveValue("4");

      await page.getByLabel("Number of seats", { exact: true }).fill("2");
      await page.getByLabel("Main dish", { exact: true }).fill("Lemon tart");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("3 people are already coming")).toBeVisible();
      expect((await (await page.request.get(`/api/parties/${party.id}`)).json()).mainDish).toBe("Mushroom risotto");

      await page.getByLabel("Number of seats", { exact: true }).fill("8");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page).toHaveURL(`/parties/${party.id}`);
      await expect(page.getByRole("status")).toHaveText("Your changes have been saved.");
      await expect(page.getByText("3 of 8 seats taken")).toBeVisible();
      await expect(page.getByText("Lemon tart").first()).toBeVisible();
      for (const guest of guests) await guest.context.close();
    },
  );

  test("the host deletes a party after confirming", { tag: "@smoke" }, async ({ userPage: page, user }) => {
    const party = await apiCreateParty(page.request);
    await page.goto(`/parties/${party.id}`);

    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(`/parties/${party.id}`);
    expect((await page.request.get(`/api/parties/${party.id}`)).status()).toBe(200);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(`/user/${user.username}`);
    await expect(page.getByRole("status")).toHaveText("Your dinner party has been deleted.");
    expect((await page.request.get(`/api/parties/${party.id}`)).status()).toBe(404);
    expect(await sql(`SELECT 1 FROM "Attendance" WHERE "partyId" = $1`, [party.id])).toHaveLength(0);
  });
});

test.describe("RSVP", () => {
  test(
    "a guest RSVPs from /rsvp, sees it confirmed, and a second RSVP is refused",
    { tag: ["@smoke", "@layout"] },
    async ({ userPage: hostPage, user: host, browser }) => {
      const party = await apiCreateParty(hostPage.request, { seats: 5 });
      const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
      const page = guest.page;
      await page.goto("/rsvp");
      await expect(page).toHaveTitle("RSVP · DinnerParty");
      // Sooner parties of other tests may push this one to a later page. The
      // list streams in behind a skeleton, and React reveals it a moment
      // later — even after the page's load event: a count taken at once can
      // miss a party that is there. Each page is searched once its list shows.
      const list = page.getByRole("list", { name: "Upcoming dinner parties", exact: true });
      for (;;) {
        await expect(list).toBeVisible();
        if (await partyCard(page, party.venue).count()) break;
        const later = page.getByRole("link", { name: "Later parties" });
        expect(await later.count(), `${party.venue} on no page; the last: ${await list.innerText()}`).toBe(1);
        await page.goto((await later.getAttribute("href"))!);
      }
      const card = partyCard(page, party.venue);
      await expect(card).toContainText(host.username);
      await expect(card).toContainText("4 seats left");
      await card.getByRole("button", { name: "RSVP" }).click();

      const flash = page.getByRole("status");
      await expect(flash).toContainText(`You successfully RSVP'd to ${host.username}'s dinner party on `);
      await expect(flash).toContainText("!");
      await expect(partyCard(page, party.venue)).toContainText("3 seats left");
      await expect(partyCard(page, party.venue)).toContainText(guest.user.username);

      await partyCard(page, party.venue).getByRole("button", { name: "RSVP" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "You have already RSVP'd to this dinner party." }),
      ).toBeVisible();

      await page.goto(`/parties/${party.id}`);
      await expect(page.getByText(`2 of 5 seats taken`)).toBeVisible();
      const guests = page.getByRole("list", { name: "Guest list" });
      await expect(guests.getByRole("listitem")).toHaveText([`${host.username} (host)`, guest.user.username]);
      await guest.context.close();
    },
  );

  test("a card says where its viewer stands: a seat on a full party, and RSVPs closed", async ({
    userPage: hostPage,
    browser,
  }) => {
    // Soon: on the first page of /rsvp whatever else is listed.
    const full = await apiCreateParty(hostPage.request, { seats: 2, waitlist: true, date: soon() });
    // Any deadline before the party will do: it is moved into the past below.
    const closing = await apiCreateParty(hostPage.request, {
      date: soon(),
      rsvpBy: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await sql(`UPDATE "DinnerParty" SET "rsvpBy" = $1 WHERE "id" = $2`, [
      dbDate(new Date(Date.now() - 1000)),
      closing.id,
    ]);
    const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
    await apiAnswer(guest.page.request, full.id, { response: "going" });
    await guest.page.goto("/rsvp");
    const seated = partyCard(guest.page, full.venue);
    await expect(seated).toContainText("You are going");
    await expect(seated).toContainText("Full");
    await expect(seated).not.toContainText("Waitlist");
    await expect(partyCard(guest.page, closing.venue)).toContainText("RSVPs closed");
    // Someone without a seat still sees that the full party has a waitlist.
    await hostPage.goto("/rsvp");
    await expect(partyCard(hostPage, full.venue)).toContainText("You are hosting");
    const other = await anotherPerson(browser, test.info().project.use.baseURL!, "other");
    await other.page.goto("/rsvp");
    await expect(partyCard(other.page, full.venue)).toContainText("Waitlist");
    await Promise.all([guest.context.close(), other.context.close()]);
  });

  test("RSVP by Party ID, and a bogus ID gets the contract's answer", async ({ userPage: hostPage, browser }) => {
    const party = await apiCreateParty(hostPage.request);
    const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
    const page = guest.page;
    const byId = page.getByRole("form", { name: "Have an invitation?" });

    for (const bogus of ["999999999", "abc", "-3", "1.5", "0"]) {
      await page.goto("/rsvp");
      await byId.getByLabel("Party ID").fill(bogus);
      await byId.getByRole("button", { name: "RSVP" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "Please enter a valid Party ID to RSVP!" }),
        bogus,
      ).toBeVisible();
    }

    await byId.getByLabel("Party ID").fill(String(party.id));
    await byId.getByRole("button", { name: "RSVP" }).click();
    await expect(page.getByRole("status")).toContainText("You successfully RSVP'd to");
    const stored = await sql(`SELECT 1 FROM "Attendance" WHERE "partyId" = $1`, [party.id]);
    expect(stored).toHaveLength(2);
    await guest.context.close();
  });

  test("a full party says so, and nothing is stored", async ({ userPage: hostPage, browser }) => {
    const party = await apiCreateParty(hostPage.request, { seats: 2 });
    const baseURL = test.info().project.use.baseURL!;
    const first = await anotherPerson(browser, baseURL);
    expect((await first.page.request.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);

    const late = await anotherPerson(browser, baseURL);
    await late.page.goto(`/parties/${party.id}`);
    await expect(late.page.getByText("2 of 2 seats taken")).toBeVisible();
    await late.page.getByRole("button", { name: "RSVP" }).click();
    await expect(late.page.getByRole("alert").filter({ hasText: "Sorry, this dinner party is full." })).toBeVisible();
    expect(await sql(`SELECT 1 FROM "Attendance" WHERE "partyId" = $1`, [party.id])).toHaveLength(2);
    await first.context.close();
    await late.context.close();
  });

  test(
    "a guest cancels their RSVP; the seat is free again",
    { tag: "@smoke" },
    async ({ userPage: hostPage, browser }) => {
      const party = await apiCreateParty(hostPage.request, { seats: 3 });
      const guest = await anotherPerson(browser, test.info().project.use.baseURL!);
      const page = guest.page;
      await page.goto(`/parties/${party.id}`);
      await page.getByRole("button", { name: "RSVP" }).click();
      await expect(page.getByText("2 of 3 seats taken")).toBeVisible();
      await page.getByRole("button", { name: "Cancel RSVP" }).click();
      await expect(page.getByRole("status")).toHaveText("Your RSVP has been cancelled.");
      await expect(page.getByText("1 of 3 seats taken")).toBeVisible();
      await expect(page.getByRole("button", { name: "RSVP" })).toBeVisible();
      await guest.context.close();
    },
  );
});

test.describe("authorization inside the server actions", () => {
  test("an edit or delete sent with another user's session changes nothing", async ({ userPage: page, browser }) => {
    const party = await apiCreateParty(page.request);
    const intruder = await anotherPerson(browser, test.info().project.use.baseURL!, "intruder");
    const intruderSession = (await intruder.context.cookies()).filter((c) => c.name === "dp.session");
    await intruder.context.close();

    // The host's form is loaded (and hydrated), then the browser's session becomes the intruder's.
    await page.goto(`/parties/${party.id}/edit`);
    await expect(page.locator("form.form")).toHaveAttribute("novalidate", "");
    await page.context().clearCookies({ name: "dp.session" });
    await page.context().addCookies(intruderSession);
    await page.getByLabel("Venue", { exact: true }).fill("Taken over");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Only the host can change this dinner party." }),
    ).toBeVisible();

    const rows = await sql<{ venue: string }>(`SELECT "venue" FROM "DinnerParty" WHERE "id" = $1`, [party.id]);
    expect(rows).toEqual([{ venue: party.venue }]);
  });

  test("a session ended elsewhere cannot submit a form it had loaded", async ({ userPage: page, user }) => {
    await page.goto(`/user/${user.username}`);
    await expect(page.locator("form.form")).toHaveAttribute("novalidate", "");
    const copy = (await page.context().cookies()).filter((c) => c.name === "dp.session");
    expect(copy).toHaveLength(1);
    // Log out elsewhere (the API, with the same session), then put the old cookie back.
    expect((await page.request.post("/api/users/logout")).status()).toBe(204);
    await page.context().addCookies(copy);
    const venue = uniqueVenue("Ghost");
    await hostThroughForm(page, { date: futureLocal(10), venue, mainDish: "Nothing", seats: 4 });
    await expect(page).toHaveURL(/\/login/);
    expect(await sql(`SELECT 1 FROM "DinnerParty" WHERE "venue" = $1`, [venue])).toHaveLength(0);
  });
});

test("dates are entered and shown in the viewer's zone and locale, with the zone named", async ({
  userPage: page,
  user,
}) => {
  const { locale, timezoneId } = test.info().project.use;
  const local = futureLocal(40, "19:30");
  const venue = uniqueVenue("Zone");
  await page.goto(`/user/${user.username}`);
  await hostThroughForm(page, { date: local, venue, mainDish: "Pho", seats: 4 });
  await expect(page.getByRole("status")).toHaveText("Your dinner party has been created.");

  const expectedUtc = localInputToUtc(local, timezoneId!)!;
  const [row] = await sql<{ id: number }>(`SELECT "id" FROM "DinnerParty" WHERE "venue" = $1`, [venue]);
  const party = await (await page.request.get(`/api/parties/${row!.id}`)).json();
  expect(party.date).toBe(expectedUtc.toISOString());

  const shown = formatPartyDate(expectedUtc, { locale: locale!, timeZone: timezoneId! });
  expect(shown).toContain(`(${timezoneId})`);
  const card = page
    .getByRole("list", { name: `Parties hosted by ${user.username}` })
    .getByRole("listitem")
    .filter({ hasText: venue });
  await expect(card.locator("time")).toHaveText(shown);
  await expect(card.locator("time")).toHaveAttribute("datetime", expectedUtc.toISOString());

  // The edit form shows the same wall-clock time back.
  await page.goto(`/parties/${party.id}/edit`);
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(local);
});

test("on a first visit the page learns the browser's zone and shows dates in it", async ({ browser, request }) => {
  const baseURL = test.info().project.use.baseURL!;
  const host = await anotherPerson(browser, baseURL, "tzhost");
  const party = await apiCreateParty(host.page.request);
  await host.context.close();

  // A fresh browser in Tokyo: no zone cookie yet.
  const context = await browser.newContext({ baseURL, timezoneId: "Asia/Tokyo", locale: "en-GB" });
  const user = await (await import("./support/users")).createUser(request);
  await (await import("./support/users")).apiLogin(context.request, user);
  const page = await context.newPage();
  await page.goto(`/parties/${party.id}`);
  const expected = formatPartyDate(new Date(party.date), { locale: "en-GB", timeZone: "Asia/Tokyo" });
  await expect(page.locator("time").first()).toHaveText(expected);
  const tz = (await context.cookies()).find((c) => c.name === "dp.tz");
  expect(decodeURIComponent(tz?.value ?? "")).toBe("Asia/Tokyo");
  expect(tz?.httpOnly).toBe(true);
  await context.close();
});
