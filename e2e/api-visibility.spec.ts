import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { apiCreateParty } from "./support/parties";
import { E2E_URLS } from "./support/servers";
import { apiLogin, createUser, newUser, randomIp, type TestUser } from "./support/users";

// The visibility matrix of an invite-only party (shared/design.md
// "Invitations and privacy"): every kind of viewer against every surface,
// through the server that keeps pages (the page cache on, whatever the run
// says), on the database of the run — so on SQLite and on PostgreSQL.
// Whoever may not see the party gets, on every URL and API call, exactly what
// a missing party gets; whoever may, sees it — the venue only as host or
// going guest.

const MISSING = 2_000_000_000;
const VENUE_HIDDEN = "The venue is shared with guests who are going.";

type Viewer = { name: string; request: APIRequestContext; user: TestUser | null; feed: string | null };

async function viewer(name: string, user: TestUser | null): Promise<Viewer> {
  const request = await playwrightRequest.newContext({
    baseURL: E2E_URLS.cached,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  if (user) await apiLogin(request, user);
  return { name, request, user, feed: null };
}

/**
 * What a response shows a person: status, where it sends them, and its text
 * (a page: its title and heading), with the party id asked for written
 * "{id}" (a login redirect names the page to come back to).
 */
async function seen(res: APIResponse, id: number) {
  // The id where it stands alone, never the same digits inside a username (party 85, user mgoin_11ae79855d).
  const alone = new RegExp(`(?<![0-9a-z_-])${id}(?![0-9a-z_-])`, "g");
  const text = (await res.text()).replace(alone, "{id}");
  const type = res.headers()["content-type"] ?? "";
  const body = type.startsWith("text/html")
    ? [/<title>([^<]*)<\/title>/.exec(text)?.[1], /<h1[^>]*>(.*?)<\/h1>/s.exec(text)?.[1]?.replace(/<[^>]+>/g, "")]
    : text;
  const location = res.headers()["location"]?.replace(alone, "{id}") ?? null;
  return { status: res.status(), location, type, body };
}

test("an invite-only party: each viewer on each surface, through the page cache", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = randomBytes(3).toString("hex");
  const venue = `7 Hidden Mews ${tag}`;
  const title = `Matrix supper ${tag}`;

  // The cast: accounts through the API of the main server (the cached one shares its database).
  const names = ["host", "stranger", "visitor", "going", "maybe", "declined", "waitlisted", "removed"] as const;
  const setup = await playwrightRequest.newContext({
    baseURL: E2E_URLS.main,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const users = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await createUser(setup, newUser(`m${n.slice(0, 4)}`))] as const)),
  ) as Record<(typeof names)[number], TestUser>;
  await setup.dispose();
  const v = Object.fromEntries(
    await Promise.all([
      viewer("anonymous", null).then((x) => ["anonymous", x] as const),
      ...names.map(async (n) => [n, await viewer(n, users[n])] as const),
    ]),
  ) as Record<(typeof names)[number] | "anonymous", Viewer>;

  const party = await apiCreateParty(v.host.request, {
    // Sooner than the parties other tests host (two hours ahead): first on /rsvp.
    date: new Date(Date.now() + 65 * 60_000).toISOString(),
    venue,
    title,
    seats: 3,
    plusOnesAllowed: 1,
    waitlist: true,
    visibility: "invite-only",
    venueHidden: true,
  });
  expect(party).toMatchObject({ title, venue, visibility: "invite-only", venueHidden: true });
  const link = await v.host.request.post(`/api/parties/${party.id}/invite-link`);
  expect(link.status()).toBe(200);
  const token = new URL((await link.json()).url).pathname.split("/")[2]!;

  // Before any visit the stranger-to-be sees nothing; then the guests open the link and answer.
  for (const n of ["visitor", "going", "maybe", "declined", "waitlisted", "removed"] as const) {
    const before = await v[n].request.get(`/api/parties/${party.id}`);
    expect(before.status(), n).toBe(404);
    const opened = await v[n].request.post(`/api/invites/${token}`);
    expect(opened.status(), n).toBe(200);
  }
  const answer = async (n: keyof typeof v, data: object, status = 200) => {
    const res = await v[n].request.put(`/api/parties/${party.id}/rsvp`, { data });
    expect(res.status(), `${n}: ${await res.text()}`).toBe(status);
    return (await res.json()).rsvp?.response;
  };
  expect(await answer("going", { response: "going", plusOnes: 1 })).toBe("going"); // the table is now full
  expect(await answer("maybe", { response: "maybe" })).toBe("maybe");
  expect(await answer("declined", { response: "declined" })).toBe("declined");
  expect(await answer("waitlisted", { response: "going" })).toBe("waitlisted");
  expect(await answer("removed", { response: "maybe" })).toBe("maybe");
  expect((await v.host.request.delete(`/api/parties/${party.id}/guests/${users.removed.username}`)).status()).toBe(204);

  for (const x of Object.values(v)) {
    if (!x.user) continue;
    const settings = await x.request.get("/settings");
    x.feed = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(await settings.text())?.[1] ?? null;
    expect(x.feed, `${x.name}'s feed link on /settings`).toBeTruthy();
  }

  const invisible = ["anonymous", "stranger", "removed"] as const;
  const visible = ["host", "visitor", "going", "maybe", "declined", "waitlisted"] as const;
  const venueShown = new Set(["host", "going"]);
  const someone = users.going.username;

  /** Each call, for the party and for a missing one: identical for whoever may not see the party. */
  const calls: [string, (r: APIRequestContext, id: number) => Promise<APIResponse>][] = [
    ["the party page", (r, id) => r.get(`/parties/${id}`, { maxRedirects: 0 })],
    ["the edit page", (r, id) => r.get(`/parties/${id}/edit`, { maxRedirects: 0 })],
    ["the delete page", (r, id) => r.get(`/parties/${id}/delete`, { maxRedirects: 0 })],
    ["the remove page", (r, id) => r.get(`/parties/${id}/guests/${someone}/remove`, { maxRedirects: 0 })],
    ["the .ics", (r, id) => r.get(`/parties/${id}/calendar.ics`, { maxRedirects: 0 })],
    ["the guest list CSV", (r, id) => r.get(`/parties/${id}/guests.csv`, { maxRedirects: 0 })],
    ["GET /api/parties/{id}", (r, id) => r.get(`/api/parties/${id}`)],
    ["PATCH /api/parties/{id}", (r, id) => r.patch(`/api/parties/${id}`, { data: { seats: 12 } })],
    ["DELETE /api/parties/{id}", (r, id) => r.delete(`/api/parties/${id}`)],
    ["POST …/rsvp", (r, id) => r.post(`/api/parties/${id}/rsvp`)],
    ["PUT …/rsvp", (r, id) => r.put(`/api/parties/${id}/rsvp`, { data: { response: "maybe" } })],
    ["DELETE …/rsvp", (r, id) => r.delete(`/api/parties/${id}/rsvp`)],
    ["GET …/guests", (r, id) => r.get(`/api/parties/${id}/guests`)],
    ["DELETE …/guests/{username}", (r, id) => r.delete(`/api/parties/${id}/guests/${someone}`)],
    ["POST …/invite-link", (r, id) => r.post(`/api/parties/${id}/invite-link`)],
  ];
  const listed = async (x: Viewer) => {
    const out: Record<string, boolean> = {};
    const mark = `href="/parties/${party.id}"`;
    // Twice each: the second answer may come from the page cache.
    for (const path of ["/", "/rsvp", `/user/${users.host.username}`]) {
      for (const round of [1, 2]) {
        const text = await (await x.request.get(path, { maxRedirects: 0 })).text();
        out[`${path} (${round})`] = text.includes(mark) || text.includes(title) || text.includes(venue);
      }
    }
    if (x.user) {
      const api = await (await x.request.get("/api/parties?limit=100")).json();
      out["GET /api/parties"] = api.parties.some((p: { id: number }) => p.id === party.id);
      const feed = await x.request.get(`/calendar/${x.feed}.ics`);
      expect(feed.headers()["cache-control"]).toContain("private");
      out["the feed"] = (await feed.text()).includes(`UID:party-${party.id}@dinnerparty`);
    }
    return out;
  };

  for (const n of invisible) {
    const x = v[n];
    for (const [what, call] of calls) {
      expect(await seen(await call(x.request, party.id), party.id), `${n}: ${what}`).toEqual(
        await seen(await call(x.request, MISSING), MISSING),
      );
    }
    expect(
      Object.values(await listed(x)).some(Boolean),
      `${n} finds it listed: ${JSON.stringify(await listed(x))}`,
    ).toBe(false);
  }

  for (const n of visible) {
    const x = v[n];
    const page = await x.request.get(`/parties/${party.id}`);
    expect(page.status(), n).toBe(200);
    const html = await page.text();
    expect(html, n).toContain(`<title>${title} · DinnerParty</title>`);
    expect(html.includes(venue), `${n} sees the venue`).toBe(venueShown.has(n));
    expect(html.includes(VENUE_HIDDEN), `${n} is told it is hidden`).toBe(!venueShown.has(n));
    const api = await (await x.request.get(`/api/parties/${party.id}`)).json();
    expect(api.venue, n).toBe(venueShown.has(n) ? venue : null);
    expect(api.title, n).toBe(title);
    const ics = await x.request.get(`/parties/${party.id}/calendar.ics`);
    expect(ics.status(), n).toBe(200);
    expect((await ics.text()).includes("LOCATION:"), `${n}'s .ics has a LOCATION`).toBe(venueShown.has(n));
    const lists = await listed(x);
    for (const [where, found] of Object.entries(lists)) {
      // The signed-in home page lists only a few parties; which ones depends on the other tests' parties.
      if (where.startsWith("/ ")) continue;
      const expected = where === "the feed" ? ["host", "going", "maybe"].includes(n) : true;
      expect(found, `${n}: ${where}`).toBe(expected);
    }
  }
  // Guests who may see the party may still not change it.
  for (const n of ["visitor", "maybe"] as const) {
    expect((await v[n].request.patch(`/api/parties/${party.id}`, { data: { seats: 12 } })).status(), n).toBe(403);
    expect((await v[n].request.post(`/api/parties/${party.id}/invite-link`)).status(), n).toBe(403);
    expect((await v[n].request.get(`/api/parties/${party.id}/guests`)).status(), n).toBe(403);
  }
  // The Party ID form on /rsvp (a server action, so through a browser): the words of a missing party.
  for (const n of ["stranger", "removed"] as const) {
    const context = await browser.newContext({
      baseURL: E2E_URLS.cached,
      storageState: await v[n].request.storageState(),
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const page = await context.newPage();
    for (const id of [party.id, MISSING]) {
      await page.goto("/rsvp");
      await page.getByLabel("Party ID").fill(String(id));
      await page.getByRole("form", { name: "Have an invitation?" }).getByRole("button", { name: "RSVP" }).click();
      await expect(page.getByText("Please enter a valid Party ID to RSVP!"), `${n}, party ${id}`).toBeVisible();
    }
    await context.close();
  }
  expect((await (await v.host.request.get(`/api/parties/${party.id}`)).json()).counts).toEqual({
    going: 2,
    maybe: 1,
    declined: 1,
    waitlisted: 1,
  });
  for (const x of Object.values(v)) await x.request.dispose();
});
