// The JSON API of "Guest answers, plus-ones and the waitlist" (shared/design.md):
// statuses, messages and shapes. The rules themselves are proven in
// lib/parties/answers.test.ts; here the HTTP surface is.
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { apiLogin, createUser, expect, newUser, test, type TestUser } from "./fixtures";
import { dbDate, sql } from "./support/db";
import { apiCreateParty, type ApiParty } from "./support/parties";
import { randomIp } from "./support/users";

type Person = { ctx: APIRequestContext; user: TestUser };

async function person(playwright: PlaywrightWorkerArgs["playwright"], prefix = "guest"): Promise<Person> {
  const ctx = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const user = await createUser(ctx, newUser(prefix));
  await apiLogin(ctx, user);
  return { ctx, user };
}

async function answer(p: Person, partyId: number, data: Record<string, unknown>) {
  const res = await p.ctx.put(`/api/parties/${partyId}/rsvp`, { data });
  return { status: res.status(), body: await res.json() };
}

async function partyAs(ctx: APIRequestContext, id: number): Promise<ApiParty> {
  const res = await ctx.get(`/api/parties/${id}`);
  expect(res.status()).toBe(200);
  return res.json();
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test.describe("logged out", () => {
  test("the new calls answer 401 JSON", async ({ request }) => {
    for (const res of await Promise.all([
      request.put("/api/parties/1/rsvp", { data: { response: "going" } }),
      request.get("/api/parties/1/guests"),
      request.delete("/api/parties/1/guests/someone"),
    ])) {
      expect(res.status(), res.url()).toBe(401);
      expect(await res.json()).toEqual({ message: "Unauthorized" });
    }
  });
});

test.describe("answers over the API", () => {
  test.beforeEach(async ({ request, user }) => {
    await apiLogin(request, user);
  });

  test(
    "PUT going, maybe, declined: the contract's messages and rsvp; Party shows counts and names",
    { tag: "@smoke" },
    async ({ request, playwright, user }) => {
      const party = await apiCreateParty(request, { seats: 6, plusOnesAllowed: 2 });
      const ana = await person(playwright, "ana");
      const going = await answer(ana, party.id, { response: "going", plusOnes: 2, note: "Vegetarian, thanks!" });
      expect(going.status).toBe(200);
      expect(going.body.message).toMatch(
        new RegExp(`^You successfully RSVP'd to ${user.username}'s dinner party on .+!$`),
      );
      expect(going.body.rsvp).toEqual({ response: "going", plusOnes: 2, note: "Vegetarian, thanks!", position: null });

      const again = await answer(ana, party.id, { response: "going", plusOnes: 1 });
      expect(again.body).toEqual({
        message: "Your RSVP has been updated.",
        rsvp: { response: "going", plusOnes: 1, note: "Vegetarian, thanks!", position: null },
      });

      const bob = await person(playwright, "bob");
      const maybe = await answer(bob, party.id, { response: "maybe" });
      expect(maybe.status).toBe(200);
      expect(maybe.body.message).toMatch(new RegExp(`^You're a maybe for ${user.username}'s dinner party on .+\\.$`));
      const cid = await person(playwright, "cid");
      const declined = await answer(cid, party.id, { response: "declined" });
      expect(declined.body.message).toBe(`Thanks for letting ${user.username} know you can't make it.`);

      const seen = await partyAs(bob.ctx, party.id);
      expect(seen).toMatchObject({
        seatsTaken: 3,
        plusOnesAllowed: 2,
        waitlist: false,
        rsvpBy: null,
        guestListHidden: false,
        counts: { going: 2, maybe: 1, declined: 1, waitlisted: 0 },
        attendees: [
          { username: user.username, plusOnes: 0 },
          { username: ana.user.username, plusOnes: 1 },
        ],
        maybe: [{ username: bob.user.username }],
        myRsvp: { response: "maybe", plusOnes: 0, note: "", position: null },
      });
      // Notes are for the host only: nowhere in what a guest reads.
      expect(JSON.stringify(seen)).not.toContain("Vegetarian");
      expect((await partyAs(ana.ctx, party.id)).myRsvp?.note).toBe("Vegetarian, thanks!");
      expect((await partyAs(request, party.id)).myRsvp).toEqual({
        response: "going",
        plusOnes: 0,
        note: "",
        position: null,
      });
      for (const p of [ana, bob, cid]) await p.ctx.dispose();
    },
  );

  test("bad input is a 400 with field errors and changes nothing", async ({ request, playwright }) => {
    const party = await apiCreateParty(request, { plusOnesAllowed: 1 });
    const guest = await person(playwright);
    const cases: [Record<string, unknown>, string][] = [
      [{ response: "going", plusOnes: 2 }, "plusOnes"],
      [{ response: "going", plusOnes: -1 }, "plusOnes"],
      [{ response: "going", plusOnes: 1.5 }, "plusOnes"],
      [{ response: "going", note: "x".repeat(281) }, "note"],
      [{ response: "going", note: "a\u202eb" }, "note"],
      [{ response: "yes" }, "response"],
      [{ response: "waitlisted" }, "response"],
      [{}, "response"],
    ];
    for (const [data, field] of cases) {
      const res = await answer(guest, party.id, data);
      expect(res.status, JSON.stringify(data)).toBe(400);
      expect(res.body.errors?.[field], JSON.stringify(res.body)).toEqual([expect.any(String)]);
    }
    expect((await partyAs(guest.ctx, party.id)).myRsvp).toBeNull();
    const body = await guest.ctx.put(`/api/parties/${party.id}/rsvp`, {
      data: "going",
      headers: { "content-type": "text/plain" },
    });
    expect(body.status()).toBe(415);
    // A note of exactly 280 characters, with line breaks, is fine.
    const long = await answer(guest, party.id, { response: "maybe", note: `line one\r\n${"y".repeat(270)}` });
    expect(long.status).toBe(200);
    expect(long.body.rsvp.note).toBe(`line one\n${"y".repeat(270)}`);
    await guest.ctx.dispose();
  });

  test("404 unknown party; 409 for the host, a full party, plus-ones that do not fit, a closed or past party", async ({
    request,
    playwright,
  }) => {
    const guest = await person(playwright);
    expect(await answer(guest, 2_000_000_000, { response: "going" })).toEqual({
      status: 404,
      body: { message: "Please enter a valid Party ID to RSVP!" },
    });
    const party = await apiCreateParty(request, { seats: 3, plusOnesAllowed: 2 });
    expect((await answer({ ctx: request, user: guest.user }, party.id, { response: "maybe" })).status).toBe(409);
    const tooBig = await answer(guest, party.id, { response: "going", plusOnes: 2 });
    expect(tooBig).toEqual({
      status: 409,
      body: { message: "Sorry, there are not enough seats left for your plus-ones." },
    });
    expect((await answer(guest, party.id, { response: "going", plusOnes: 1 })).status).toBe(200);
    const late = await person(playwright, "late");
    expect(await answer(late, party.id, { response: "going" })).toEqual({
      status: 409,
      body: { message: "Sorry, this dinner party is full." },
    });
    // Part 1's POST keeps its words, and the body may now carry plus-ones.
    const post = await late.ctx.post(`/api/parties/${party.id}/rsvp`);
    expect(post.status()).toBe(409);
    expect(await post.json()).toEqual({ message: "Sorry, this dinner party is full." });

    // The deadline passes: moved into the past in the database, not waited for.
    const closing = await apiCreateParty(request, { rsvpBy: new Date(Date.now() + 3_600_000).toISOString() });
    await sql(`UPDATE "DinnerParty" SET "rsvpBy" = $1 WHERE "id" = $2`, [
      dbDate(new Date(Date.now() - 1000)),
      closing.id,
    ]);
    expect(await answer(guest, closing.id, { response: "going" })).toEqual({
      status: 409,
      body: { message: "RSVPs for this dinner party are closed." },
    });
    for (const p of [guest, late]) await p.ctx.dispose();
  });

  test(
    "waitlist: POST answers 202 with a place; cancelling a seat promotes the first in line",
    { tag: "@smoke" },
    async ({ request, playwright }) => {
      const party = await apiCreateParty(request, { seats: 2, waitlist: true });
      const [a, b, c] = [await person(playwright, "a"), await person(playwright, "b"), await person(playwright, "c")];
      const seated = await a.ctx.post(`/api/parties/${party.id}/rsvp`);
      expect(seated.status()).toBe(201);
      expect((await seated.json()).rsvp).toEqual({ response: "going", plusOnes: 0, note: "", position: null });
      const first = await b.ctx.post(`/api/parties/${party.id}/rsvp`, { data: {} });
      expect(first.status()).toBe(202);
      expect(await first.json()).toEqual({
        message: "This dinner party is full. You're number 1 on the waitlist.",
        rsvp: { response: "waitlisted", plusOnes: 0, note: "", position: 1 },
      });
      const second = await answer(c, party.id, { response: "going" });
      expect(second).toEqual({
        status: 200,
        body: {
          message: "This dinner party is full. You're number 2 on the waitlist.",
          rsvp: { response: "waitlisted", plusOnes: 0, note: "", position: 2 },
        },
      });
      expect((await b.ctx.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(409);
      expect((await partyAs(request, party.id)).counts).toEqual({ going: 2, maybe: 0, declined: 0, waitlisted: 2 });

      expect((await a.ctx.delete(`/api/parties/${party.id}/rsvp`)).status()).toBe(204);
      expect((await partyAs(b.ctx, party.id)).myRsvp).toEqual({
        response: "going",
        plusOnes: 0,
        note: "",
        position: null,
      });
      expect((await partyAs(c.ctx, party.id)).myRsvp?.position).toBe(1);
      // Leaving the waitlist is a DELETE too.
      expect((await c.ctx.delete(`/api/parties/${party.id}/rsvp`)).status()).toBe(204);
      expect((await partyAs(c.ctx, party.id)).myRsvp).toBeNull();
      expect((await c.ctx.delete(`/api/parties/${party.id}/rsvp`)).status()).toBe(404);
      // The host raises the seats: the next in line is seated at once.
      expect((await answer(a, party.id, { response: "going" })).body.rsvp.position).toBe(1);
      expect((await request.patch(`/api/parties/${party.id}`, { data: { seats: 3 } })).status()).toBe(200);
      expect((await partyAs(a.ctx, party.id)).myRsvp?.response).toBe("going");
      for (const p of [a, b, c]) await p.ctx.dispose();
    },
  );

  test("the host's guest list and removing a guest", { tag: "@smoke" }, async ({ request, playwright, user }) => {
    const party = await apiCreateParty(request, { seats: 2, waitlist: true, guestListHidden: true });
    const [a, b] = [await person(playwright, "a"), await person(playwright, "b")];
    await answer(a, party.id, { response: "going", note: '=HYPERLINK("x")' });
    await answer(b, party.id, { response: "going" });

    // Hidden list: a guest sees counts and their own place, no names.
    const seen = await partyAs(b.ctx, party.id);
    expect(seen.attendees).toEqual([]);
    expect(seen.maybe).toEqual([]);
    expect(seen.counts).toEqual({ going: 2, maybe: 0, declined: 0, waitlisted: 1 });
    expect(seen.myRsvp?.position).toBe(1);

    const list = await request.get(`/api/parties/${party.id}/guests`);
    expect(list.status()).toBe(200);
    const { guests } = await list.json();
    expect(guests).toEqual([
      {
        username: user.username,
        response: "going",
        plusOnes: 0,
        note: "",
        position: null,
        answeredAt: expect.any(String),
      },
      {
        username: a.user.username,
        response: "going",
        plusOnes: 0,
        note: '=HYPERLINK("x")',
        position: null,
        answeredAt: expect.any(String),
      },
      {
        username: b.user.username,
        response: "waitlisted",
        plusOnes: 0,
        note: "",
        position: 1,
        answeredAt: expect.any(String),
      },
    ]);
    for (const g of guests) expect(Date.parse(g.answeredAt)).toBeGreaterThan(Date.now() - 600_000);
    expect((await a.ctx.get(`/api/parties/${party.id}/guests`)).status()).toBe(403);
    expect((await a.ctx.get(`/api/parties/2000000000/guests`)).status()).toBe(404);

    expect((await a.ctx.delete(`/api/parties/${party.id}/guests/${b.user.username}`)).status()).toBe(403);
    expect((await request.delete(`/api/parties/${party.id}/guests/${user.username}`)).status()).toBe(409);
    expect((await request.delete(`/api/parties/${party.id}/guests/nobody_at_all`)).status()).toBe(404);
    expect((await request.delete(`/api/parties/2000000000/guests/${a.user.username}`)).status()).toBe(404);
    const removed = await request.delete(`/api/parties/${party.id}/guests/${a.user.username}`);
    expect(removed.status()).toBe(204);
    // Seats freed, the waitlist moved, and the removed guest cannot come back.
    expect((await partyAs(b.ctx, party.id)).myRsvp?.response).toBe("going");
    expect(await answer(a, party.id, { response: "going" })).toEqual({
      status: 403,
      body: { message: "The host has removed you from this dinner party." },
    });
    expect((await a.ctx.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(403);
    expect((await partyAs(a.ctx, party.id)).myRsvp).toBeNull();
    expect((await request.delete(`/api/parties/${party.id}/guests/${a.user.username}`)).status()).toBe(404);
    for (const p of [a, b]) await p.ctx.dispose();
  });

  test("the party's new fields: defaults, rules and changes", async ({ request }) => {
    const date = inDays(10);
    for (const [data, field] of [
      [{ plusOnesAllowed: 6 }, "plusOnesAllowed"],
      [{ plusOnesAllowed: -1 }, "plusOnesAllowed"],
      [{ waitlist: "yes" }, "waitlist"],
      [{ rsvpBy: inDays(11) }, "rsvpBy"],
      [{ rsvpBy: inDays(-1) }, "rsvpBy"],
      [{ rsvpBy: "tomorrow" }, "rsvpBy"],
      [{ guestListHidden: 1 }, "guestListHidden"],
    ] as const) {
      const res = await request.post("/api/parties", {
        data: { date, venue: "Here", mainDish: "Soup", seats: 4, ...data },
      });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect((await res.json()).errors?.[field], JSON.stringify(data)).toEqual([expect.any(String)]);
    }
    const rsvpBy = inDays(5);
    const party = await apiCreateParty(request, { date, rsvpBy, plusOnesAllowed: 3, waitlist: true });
    expect(party).toMatchObject({ rsvpBy, plusOnesAllowed: 3, waitlist: true, guestListHidden: false });
    const late = await request.patch(`/api/parties/${party.id}`, { data: { date: inDays(4) } });
    expect(late.status()).toBe(400);
    expect((await late.json()).errors?.rsvpBy).toEqual([expect.any(String)]);
    const cleared = await request.patch(`/api/parties/${party.id}`, { data: { rsvpBy: null, guestListHidden: true } });
    expect(cleared.status()).toBe(200);
    expect(await cleared.json()).toMatchObject({ rsvpBy: null, guestListHidden: true, waitlist: true });
  });
});
