import { apiLogin, createUser, expect, newUser, test } from "./fixtures";
import { sql } from "./support/db";
import { apiCreateParty, uniqueVenue, type ApiParty } from "./support/parties";
import { randomIp } from "./support/users";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test.describe("logged out", () => {
  test("every party call answers 401 JSON", async ({ request }) => {
    const calls = [
      request.get("/api/parties"),
      request.post("/api/parties", { data: {} }),
      request.get("/api/parties/1"),
      request.patch("/api/parties/1", { data: { venue: "x" } }),
      request.delete("/api/parties/1"),
      request.post("/api/parties/1/rsvp"),
      request.delete("/api/parties/1/rsvp"),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status(), res.url()).toBe(401);
      expect(await res.json()).toEqual({ message: "Unauthorized" });
    }
  });
});

test.describe("parties", () => {
  test.beforeEach(async ({ request, user }) => {
    await apiLogin(request, user);
  });

  test(
    "POST creates a party with the contract's shape; the host is the first attendee",
    { tag: "@smoke" },
    async ({ request, user }) => {
      const date = inDays(12);
      const res = await request.post("/api/parties", {
        data: {
          date,
          venue: " The Oak ",
          mainDish: "Paella",
          seats: 8,
          id: 5,
          seatsTaken: 99,
          host: { username: "x" },
        },
      });
      expect(res.status()).toBe(201);
      const party = await res.json();
      expect(party).toEqual({
        id: expect.any(Number),
        date,
        venue: "The Oak",
        mainDish: "Paella",
        seats: 8,
        seatsTaken: 1,
        host: { username: user.username },
        attendees: [{ username: user.username, plusOnes: 0 }],
        // Part 2's fields, at their defaults: a party created without them behaves as in Part 1.
        maybe: [],
        plusOnesAllowed: 0,
        waitlist: false,
        rsvpBy: null,
        guestListHidden: false,
        counts: { going: 1, maybe: 0, declined: 0, waitlisted: 0 },
        myRsvp: { response: "going", plusOnes: 0, note: "", position: null },
        // "Invitations and privacy", at their defaults: listed, titled after the venue.
        title: "Dinner at The Oak",
        details: "",
        visibility: "listed",
        venueHidden: false,
      });
      expect(party.id).not.toBe(5);
      const got = await request.get(`/api/parties/${party.id}`);
      expect(await got.json()).toEqual(party);
    },
  );

  test("dates in any offset are stored as the same instant; no offset means UTC", async ({ request }) => {
    const a = await apiCreateParty(request, { date: "2031-06-01T19:30:00+02:00" });
    expect(a.date).toBe("2031-06-01T17:30:00.000Z");
    const b = await apiCreateParty(request, { date: "2031-06-01T19:30" });
    expect(b.date).toBe("2031-06-01T19:30:00.000Z");
    const c = await apiCreateParty(request, { date: "2031-06-01" });
    expect(c.date).toBe("2031-06-01T00:00:00.000Z");
  });

  test("400 with field errors for bad values, whatever their type", async ({ request }) => {
    const good = { date: inDays(5), venue: "Somewhere", mainDish: "Soup", seats: 4 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, date: "2020-01-01T00:00:00Z" }, "date"],
      [{ ...good, date: "tomorrow" }, "date"],
      [{ ...good, date: 1893456000000 }, "date"],
      [{ ...good, date: "2031-02-31T10:00:00Z" }, "date"],
      [{ ...good, venue: "" }, "venue"],
      [{ ...good, venue: "   " }, "venue"],
      [{ ...good, venue: "v".repeat(121) }, "venue"],
      [{ ...good, venue: { $gt: "" } }, "venue"],
      [{ ...good, mainDish: ["Soup"] }, "mainDish"],
      [{ ...good, seats: 1 }, "seats"],
      [{ ...good, seats: 101 }, "seats"],
      [{ ...good, seats: 2.5 }, "seats"],
      [{ ...good, seats: -4 }, "seats"],
      [{ ...good, seats: "4" }, "seats"],
      [{ ...good, seats: 1e308 }, "seats"],
      [{ ...good, seats: null }, "seats"],
    ];
    for (const [data, field] of cases) {
      const res = await request.post("/api/parties", { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      const body = await res.json();
      expect(body.errors?.[field], JSON.stringify(body)).toBeTruthy();
    }
    for (const body of ["", "[]", "null", "{", '"x"']) {
      const res = await request.post("/api/parties", { headers: { "content-type": "application/json" }, data: body });
      expect(res.status(), body).toBe(400);
    }
    const form = await request.post("/api/parties", { form: { venue: "x" } });
    expect(form.status()).toBe(415);
  });

  test("ill-formed, invisible and disguised text, and dates past the 5-year bound: 400 field errors, nothing stored", async ({
    request,
    user,
  }) => {
    const good = { date: inDays(5), venue: uniqueVenue(), mainDish: "Soup", seats: 4 };
    const party = await apiCreateParty(request, good);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ venue: "\ud800" }, "venue", "The venue contains a character that is not valid text. Please type it again."],
      [
        { mainDish: "Soup \udc00" },
        "mainDish",
        "The main dish contains a character that is not valid text. Please type it again.",
      ],
      [{ venue: "\u0000" }, "venue", "The venue cannot contain control characters or line breaks."],
      [{ venue: "\u202eevil" }, "venue", "The venue cannot contain text-direction override characters."],
      [{ venue: "\u200b" }, "venue", "Enter the venue."],
      [{ date: "9999-12-31T23:30:00-05:00" }, "date", "Choose a date within the next 5 years."],
      [{ date: "9999-12-31" }, "date", "Choose a date within the next 5 years."],
      [{ date: inDays(6 * 366) }, "date", "Choose a date within the next 5 years."],
    ];
    for (const [change, field, message] of cases) {
      for (const res of [
        await request.post("/api/parties", { data: { ...good, ...change } }),
        await request.patch(`/api/parties/${party.id}`, { data: change }),
      ]) {
        expect(res.status(), JSON.stringify(change)).toBe(400);
        expect(res.headers()["content-type"]).toContain("application/json");
        expect((await res.json()).errors?.[field], JSON.stringify(change)).toEqual([message]);
      }
    }
    expect(await (await request.get(`/api/parties/${party.id}`)).json()).toEqual(party);
    const stored = await sql<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "DinnerParty" p JOIN "User" u ON u."id" = p."hostId" WHERE u."username" = $1`,
      [user.username],
    );
    expect(Number(stored[0]!.n)).toBe(1);
  });

  test("text is stored in NFC: the same venue typed two ways is one text", async ({ request }) => {
    const party = await apiCreateParty(request, { venue: "Cafe\u0301 de Flore" });
    expect(party.venue).toBe("Caf\u00e9 de Flore");
  });

  test("/rsvp with a cursor past the year 9999 shows the first page", async ({ request }) => {
    const res = await request.get("/rsvp?after=OTk5OTk5OTk5OTk5OTk5LjE");
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("All upcoming parties");
  });

  test("GET /api/parties pages through upcoming parties, soonest first", { tag: "@smoke" }, async ({ request }) => {
    const first = await request.get("/api/parties?limit=5");
    expect(first.status()).toBe(200);
    const page1 = await first.json();
    expect(page1.parties.length).toBeLessThanOrEqual(5);
    const all: ApiParty[] = [...page1.parties];
    let cursor = page1.nextCursor;
    for (let i = 0; cursor && i < 3; i++) {
      const next = await (await request.get(`/api/parties?limit=5&cursor=${cursor}`)).json();
      all.push(...next.parties);
      cursor = next.nextCursor;
    }
    const times = all.map((p) => Date.parse(p.date));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(times.every((t) => t > Date.now())).toBe(true);

    for (const query of [
      "limit=0",
      "limit=101",
      "limit=abc",
      "limit=1.5",
      "cursor=%%%",
      "cursor=bm9wZQ",
      "cursor=OTk5OTk5OTk5OTk5OTk5LjE",
    ]) {
      const res = await request.get(`/api/parties?${query}`);
      expect(res.status(), query).toBe(400);
      expect(typeof (await res.json()).message).toBe("string");
    }
  });

  test("a party appears in the list until it is deleted", async ({ request }) => {
    const party = await apiCreateParty(request, { date: new Date(Date.now() + 60_000).toISOString() });
    const list = await (await request.get("/api/parties?limit=100")).json();
    expect(list.parties.map((p: ApiParty) => p.id)).toContain(party.id);
    expect((await request.delete(`/api/parties/${party.id}`)).status()).toBe(204);
    const after = await (await request.get("/api/parties?limit=100")).json();
    expect(after.parties.map((p: ApiParty) => p.id)).not.toContain(party.id);
    expect((await request.get(`/api/parties/${party.id}`)).status()).toBe(404);
  });

  test("unknown ids: 404 JSON", async ({ request }) => {
    for (const id of ["999999999", "abc", "0", "-1", "1e3", "99999999999999999999"]) {
      expect((await request.get(`/api/parties/${id}`)).status(), id).toBe(404);
      expect((await request.patch(`/api/parties/${id}`, { data: { venue: "x" } })).status(), id).toBe(404);
      expect((await request.delete(`/api/parties/${id}`)).status(), id).toBe(404);
      const rsvp = await request.post(`/api/parties/${id}/rsvp`);
      expect(rsvp.status(), id).toBe(404);
      expect(await rsvp.json()).toEqual({ message: "Please enter a valid Party ID to RSVP!" });
    }
  });

  test(
    "PATCH: the host changes any field; seats never below attendees (409)",
    { tag: "@smoke" },
    async ({ request, playwright }) => {
      const party = await apiCreateParty(request, { seats: 3 });
      const res = await request.patch(`/api/parties/${party.id}`, { data: { venue: "New place", seatsTaken: 0 } });
      expect(res.status()).toBe(200);
      expect(await res.json()).toMatchObject({ venue: "New place", seats: 3, seatsTaken: 1, mainDish: party.mainDish });

      const baseURL = test.info().project.use.baseURL;
      for (let i = 0; i < 2; i++) {
        const guest = await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { "x-forwarded-for": randomIp() },
        });
        await apiLogin(guest, await createUser(guest, newUser("g")));
        expect((await guest.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);
        await guest.dispose();
      }
      const tooSmall = await request.patch(`/api/parties/${party.id}`, { data: { seats: 2 } });
      expect(tooSmall.status()).toBe(409);
      expect((await tooSmall.json()).message).toMatch(/3 people are already coming/);
      expect((await request.patch(`/api/parties/${party.id}`, { data: { seats: 3 } })).status()).toBe(200);

      for (const data of [{}, { seats: "9" }, { date: "2020-01-01T00:00:00Z" }, { venue: "" }]) {
        expect((await request.patch(`/api/parties/${party.id}`, { data })).status(), JSON.stringify(data)).toBe(400);
      }
    },
  );
});

test.describe("only the host", () => {
  test("others get 403 on PATCH and DELETE, and nothing changes", async ({ request, playwright, user }) => {
    await apiLogin(request, user);
    const party = await apiCreateParty(request);
    const other = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    await apiLogin(other, await createUser(other, newUser("other")));
    const patch = await other.patch(`/api/parties/${party.id}`, { data: { venue: "Hijacked", seats: 100 } });
    expect(patch.status()).toBe(403);
    expect(typeof (await patch.json()).message).toBe("string");
    expect((await other.delete(`/api/parties/${party.id}`)).status()).toBe(403);
    expect(await (await request.get(`/api/parties/${party.id}`)).json()).toEqual(party);
    await other.dispose();
  });
});

test.describe("RSVP over the API", () => {
  test(
    "201, then 409 already; cancel 204, then 404; the host cannot cancel (409)",
    { tag: "@smoke" },
    async ({ request, playwright, user }) => {
      await apiLogin(request, user);
      const party = await apiCreateParty(request, { seats: 3 });
      const guest = await playwright.request.newContext({
        baseURL: test.info().project.use.baseURL,
        extraHTTPHeaders: { "x-forwarded-for": randomIp() },
      });
      const guestUser = await createUser(guest, newUser("g"));
      await apiLogin(guest, guestUser);

      const ok = await guest.post(`/api/parties/${party.id}/rsvp`);
      expect(ok.status()).toBe(201);
      const { message } = await ok.json();
      expect(message).toMatch(
        new RegExp(`^You successfully RSVP'd to ${user.username}'s dinner party on .+ \\(UTC\\)!$`),
      );

      const again = await guest.post(`/api/parties/${party.id}/rsvp`, { data: {} });
      expect(again.status()).toBe(409);
      expect(await again.json()).toEqual({ message: "You have already RSVP'd to this dinner party." });

      const hostAgain = await request.post(`/api/parties/${party.id}/rsvp`);
      expect(hostAgain.status()).toBe(409);

      const state = await (await request.get(`/api/parties/${party.id}`)).json();
      expect(state.seatsTaken).toBe(2);
      expect(state.attendees).toEqual([
        { username: user.username, plusOnes: 0 },
        { username: guestUser.username, plusOnes: 0 },
      ]);

      expect((await request.delete(`/api/parties/${party.id}/rsvp`)).status()).toBe(409);
      expect((await guest.delete(`/api/parties/${party.id}/rsvp`)).status()).toBe(204);
      const gone = await guest.delete(`/api/parties/${party.id}/rsvp`);
      expect(gone.status()).toBe(404);
      expect(typeof (await gone.json()).message).toBe("string");
      expect((await (await request.get(`/api/parties/${party.id}`)).json()).seatsTaken).toBe(1);

      const text = await guest.post(`/api/parties/${party.id}/rsvp`, {
        headers: { "content-type": "text/plain" },
        data: "hi",
      });
      expect(text.status()).toBe(415);
      await guest.dispose();
    },
  );

  test(
    "a full party answers 409 with the contract's message",
    { tag: "@smoke" },
    async ({ request, playwright, user }) => {
      await apiLogin(request, user);
      const party = await apiCreateParty(request, { seats: 2, venue: uniqueVenue("Tiny") });
      const baseURL = test.info().project.use.baseURL;
      const answers = [];
      for (let i = 0; i < 2; i++) {
        const guest = await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { "x-forwarded-for": randomIp() },
        });
        await apiLogin(guest, await createUser(guest, newUser("g")));
        const res = await guest.post(`/api/parties/${party.id}/rsvp`);
        answers.push([res.status(), (await res.json()).message]);
        await guest.dispose();
      }
      expect(answers[0]![0]).toBe(201);
      expect(answers[1]).toEqual([409, "Sorry, this dinner party is full."]);
      const rows = await sql(`SELECT 1 FROM "Attendance" WHERE "partyId" = $1`, [party.id]);
      expect(rows).toHaveLength(2);
    },
  );
});
