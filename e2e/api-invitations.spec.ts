import { expect, request as playwrightRequest, test } from "@playwright/test";
import { apiCreateParty } from "./support/parties";
import { apiLogin, createUser, newUser, randomIp } from "./support/users";

// The JSON API of "Invitations and privacy": the new Party fields, their
// refusals, and the invitation calls (shared/design.md).

test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

test(
  "title, details, visibility and venueHidden: written, read back, refused with field errors",
  { tag: "@smoke" },
  async ({ request }) => {
    await apiLogin(request, await createUser(request, newUser("apiinv")));
    const plain = await apiCreateParty(request, { venue: "The Oak" });
    // A Part 1 party: listed, titled after its venue, no details.
    expect(plain).toMatchObject({ title: "Dinner at The Oak", details: "", visibility: "listed", venueHidden: false });
    const party = await apiCreateParty(request, {
      title: "Soup, bread; and wine",
      details: "Line one\r\nLine two",
      visibility: "invite-only",
      venueHidden: true,
    });
    expect(party).toMatchObject({
      title: "Soup, bread; and wine",
      details: "Line one\nLine two",
      visibility: "invite-only",
      venueHidden: true,
    });
    const cleared = await request.patch(`/api/parties/${party.id}`, { data: { title: null, visibility: "listed" } });
    expect(cleared.status()).toBe(200);
    expect(await cleared.json()).toMatchObject({ title: `Dinner at ${party.venue}`, visibility: "listed" });

    for (const [data, fields] of [
      [{ title: "t".repeat(81) }, ["title"]],
      [{ details: "d".repeat(2001) }, ["details"]],
      [{ visibility: "secret" }, ["visibility"]],
      [{ venueHidden: "yes" }, ["venueHidden"]],
      [{ title: 42, details: null }, ["title", "details"]],
    ] as const) {
      const res = await request.patch(`/api/parties/${party.id}`, { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(Object.keys((await res.json()).errors).sort(), JSON.stringify(data)).toEqual([...fields].sort());
    }
    const after = await (await request.get(`/api/parties/${party.id}`)).json();
    expect(after).toMatchObject({ title: `Dinner at ${party.venue}`, details: "Line one\nLine two" });
  },
);

test(
  "invitation calls: the preview for anyone with the link, the visit for a logged-in person, 404 once reset",
  { tag: "@smoke" },
  async ({ request, baseURL }) => {
    await apiLogin(request, await createUser(request, newUser("apihost")));
    const party = await apiCreateParty(request, { title: "Supper", visibility: "invite-only" });
    const first = await request.post(`/api/parties/${party.id}/invite-link`);
    expect(first.status()).toBe(200);
    const { url } = await first.json();
    expect(url).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{22,}$`));
    const token = url.split("/").at(-1);

    const anonymous = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const preview = await anonymous.get(`/api/invites/${token}`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()["referrer-policy"]).toBe("no-referrer");
    // Invite-only: no venue in the preview, not even its title.
    expect(await preview.json()).toEqual({
      party: { id: party.id, title: "Supper", host: party.host, date: party.date, going: 1 },
    });
    expect((await anonymous.post(`/api/invites/${token}`)).status()).toBe(401);
    expect((await anonymous.get(`/api/parties/${party.id}`)).status()).toBe(401);

    const guest = await createUser(anonymous, newUser("apiguest"));
    await apiLogin(anonymous, guest);
    expect((await anonymous.get(`/api/parties/${party.id}`)).status()).toBe(404);
    const visit = await anonymous.post(`/api/invites/${token}`);
    expect(visit.status()).toBe(200);
    expect(await visit.json()).toMatchObject({ id: party.id, title: "Supper", venue: party.venue, myRsvp: null });
    expect((await anonymous.get(`/api/parties/${party.id}`)).status()).toBe(200);
    // Not the host: no new link for them.
    expect((await anonymous.post(`/api/parties/${party.id}/invite-link`)).status()).toBe(403);

    const second = await (await request.post(`/api/parties/${party.id}/invite-link`)).json();
    expect(second.url).not.toBe(url);
    for (const wrong of [token, "nope", "A".repeat(300), `${token.slice(0, -2)}AA`]) {
      expect((await anonymous.get(`/api/invites/${wrong}`)).status(), wrong).toBe(404);
      expect((await anonymous.post(`/api/invites/${wrong}`)).status(), wrong).toBe(404);
    }
    expect((await anonymous.get(`/api/invites/${second.url.split("/").at(-1)}`)).status()).toBe(200);
    // The visit stands: the guest still sees the party after the reset.
    expect((await anonymous.get(`/api/parties/${party.id}`)).status()).toBe(200);
    await anonymous.dispose();
  },
);
