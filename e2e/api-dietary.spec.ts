import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { apiAnswer, apiCreateParty } from "./support/parties";
import { apiPerson } from "./support/users";

// Dietary needs are health data: the JSON API of the profile and the host's
// summary, and — for each kind of viewer, with sharing on and off — every
// surface that could show them.

test(
  "GET/PUT /api/me/dietary: empty and shared at first, a partial change keeps the rest, bad input changes nothing",
  { tag: "@smoke" },
  async ({ playwright }) => {
    const { api } = await apiPerson("diet");
    expect(await (await api.get("/api/me/dietary")).json()).toEqual({ needs: [], other: "", share: true });
    const put = await api.put("/api/me/dietary", {
      data: { needs: ["nut-allergy", "vegetarian"], other: "No coriander" },
    });
    expect(put.status()).toBe(200);
    const saved = { needs: ["vegetarian", "nut-allergy"], other: "No coriander", share: true };
    expect(await put.json()).toEqual(saved);
    for (const data of [
      { needs: ["carnivore"] },
      { needs: "vegan" },
      { other: "x".repeat(201) },
      { share: "no" },
      { allergies: ["nuts"] },
      [],
    ]) {
      const res = await api.put("/api/me/dietary", { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(typeof (await res.json()).message).toBe("string");
    }
    expect(await (await api.get("/api/me/dietary")).json()).toEqual(saved);
    expect((await api.post("/api/me/dietary", { data: {} })).status()).toBe(405);
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await anonymous.get("/api/me/dietary")).status()).toBe(401);
    await Promise.all([api.dispose(), anonymous.dispose()]);
  },
);

test("who sees a guest's dietary needs: the host of a party they are going to, while they share — on every surface, nobody else", async () => {
  test.setTimeout(120_000);
  const host = await apiPerson("dhost");
  const owner = await apiPerson("downer");
  const going = await apiPerson("dgoing");
  const maybe = await apiPerson("dmaybe");
  const stranger = await apiPerson("dstranger");
  const marker = `Marker${randomBytes(5).toString("hex")}`;
  await owner.api.put("/api/me/dietary", { data: { needs: ["shellfish-allergy"], other: marker } });
  const party = await apiCreateParty(host.api, { seats: 10 });
  await apiAnswer(owner.api, party.id, { response: "going" });
  await apiAnswer(going.api, party.id, { response: "going" });
  await apiAnswer(maybe.api, party.id, { response: "maybe" });
  // A dish the owner brings: the board is one more surface with their name on it.
  const dish = await (
    await host.api.post(`/api/parties/${party.id}/dishes`, { data: { name: "Salad", quantity: 2 } })
  ).json();
  expect((await owner.api.post(`/api/parties/${party.id}/dishes/${dish.id}/claim`)).status()).toBe(201);

  const feedOf = async (api: APIRequestContext) =>
    /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(await (await api.get("/settings")).text())?.[1];
  const viewers = { host, owner, going, maybe, stranger };
  const feeds = Object.fromEntries(
    await Promise.all(Object.entries(viewers).map(async ([n, v]) => [n, await feedOf(v.api)] as const)),
  );

  /** Where each viewer finds the marker (the owner's "Other needs"). */
  const where = async (n: keyof typeof viewers) => {
    const api = viewers[n].api;
    const surfaces: [string, string][] = [
      ["party page", `/parties/${party.id}`],
      ["owner's profile", `/user/${owner.user.username}`],
      ["host's profile", `/user/${host.user.username}`],
      ["/rsvp", "/rsvp"],
      ["/", "/"],
      ["/settings", "/settings"],
      ["GET /api/parties/{id}", `/api/parties/${party.id}`],
      ["GET /api/parties", "/api/parties?limit=100"],
      ["GET …/guests", `/api/parties/${party.id}/guests`],
      ["GET …/dietary", `/api/parties/${party.id}/dietary`],
      ["GET …/dishes", `/api/parties/${party.id}/dishes`],
      ["GET /api/me/dietary", "/api/me/dietary"],
      ["the CSV", `/parties/${party.id}/guests.csv`],
      ["the .ics", `/parties/${party.id}/calendar.ics`],
      ["the feed", `/calendar/${feeds[n]}.ics`],
    ];
    const found: string[] = [];
    for (const [name, path] of surfaces) {
      const res = await api.get(path, { maxRedirects: 0 });
      expect(res.status(), `${n}: ${name}`).toBeLessThan(500);
      if ((await res.text()).includes(marker)) found.push(name);
    }
    return found;
  };

  const shared = { host: ["party page", "GET …/dietary", "the CSV"], owner: ["/settings", "GET /api/me/dietary"] };
  for (const n of Object.keys(viewers) as (keyof typeof viewers)[])
    expect(await where(n), `${n}, sharing on`).toEqual(shared[n as keyof typeof shared] ?? []);
  const summary = await (await host.api.get(`/api/parties/${party.id}/dietary`)).json();
  expect(summary).toEqual({
    counts: { "shellfish-allergy": 1 },
    guests: [{ username: owner.user.username, needs: ["shellfish-allergy"], other: marker }],
  });
  for (const n of ["owner", "going", "maybe", "stranger"] as const)
    expect((await viewers[n].api.get(`/api/parties/${party.id}/dietary`)).status(), n).toBe(403);

  await owner.api.put("/api/me/dietary", { data: { share: false } });
  for (const n of Object.keys(viewers) as (keyof typeof viewers)[])
    expect(await where(n), `${n}, sharing off`).toEqual(n === "owner" ? shared.owner : []);
  expect(await (await host.api.get(`/api/parties/${party.id}/dietary`)).json()).toEqual({ counts: {}, guests: [] });

  // Sharing on again, but no longer going: the host sees nothing either.
  await owner.api.put("/api/me/dietary", { data: { share: true } });
  await apiAnswer(owner.api, party.id, { response: "maybe" });
  expect(await where("host"), "host, owner now maybe").toEqual([]);
  await Promise.all(Object.values(viewers).map((v) => v.api.dispose()));
});
