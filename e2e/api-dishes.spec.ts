import { expect, test } from "@playwright/test";
import { apiAnswer, apiCreateParty } from "./support/parties";
import { apiPerson } from "./support/users";

// The JSON API of "What to bring": the host's items, the going guests'
// claims, and the answers for bad input and for the wrong person.

test(
  "the host's items: 201, 200, 204; 400 for bad input, 403 for others, 404 for another party's item",
  { tag: "@smoke" },
  async () => {
    const host = await apiPerson("dishhost");
    const guest = await apiPerson("dishguest");
    const party = await apiCreateParty(host.api);
    const other = await apiCreateParty(host.api);
    await apiAnswer(guest.api, party.id, { response: "going" });
    const base = `/api/parties/${party.id}/dishes`;

    const created = await host.api.post(base, { data: { name: "  Dessert ", quantity: 3 } });
    expect(created.status()).toBe(201);
    const dish = await created.json();
    expect(dish).toEqual({ id: expect.any(Number), name: "Dessert", quantity: 3, claimed: 0, claims: [] });

    for (const data of [
      {},
      { name: "", quantity: 1 },
      { name: "   ", quantity: 1 },
      { name: "x".repeat(61), quantity: 1 },
      { name: "Wine", quantity: 0 },
      { name: "Wine", quantity: 21 },
      { name: "Wine", quantity: 1.5 },
      { name: "Wine", quantity: "2" },
      { name: "Wine", quantity: 1, colour: "red" },
    ]) {
      const res = await host.api.post(base, { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(typeof (await res.json()).message).toBe("string");
    }
    expect((await guest.api.post(base, { data: { name: "Wine", quantity: 1 } })).status()).toBe(403);
    expect(
      (await host.api.post(`/api/parties/999999999/dishes`, { data: { name: "Wine", quantity: 1 } })).status(),
    ).toBe(404);

    const patched = await host.api.patch(`${base}/${dish.id}`, { data: { name: "Pudding" } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toEqual({ ...dish, name: "Pudding" });
    expect((await host.api.patch(`${base}/${dish.id}`, { data: {} })).status()).toBe(400);
    expect((await host.api.patch(`${base}/${dish.id}`, { data: { quantity: 30 } })).status()).toBe(400);
    expect((await guest.api.patch(`${base}/${dish.id}`, { data: { quantity: 1 } })).status()).toBe(403);
    expect(
      (await host.api.patch(`/api/parties/${other.id}/dishes/${dish.id}`, { data: { quantity: 1 } })).status(),
    ).toBe(404);
    expect((await host.api.delete(`/api/parties/${other.id}/dishes/${dish.id}`)).status()).toBe(404);
    expect((await host.api.patch(`${base}/not-a-number`, { data: { quantity: 1 } })).status()).toBe(404);

    // Two claimed: "How many" cannot go below two.
    const third = await apiPerson("dishthird");
    await apiAnswer(third.api, party.id, { response: "going" });
    expect((await guest.api.post(`${base}/${dish.id}/claim`, { data: { note: "apple pie" } })).status()).toBe(201);
    expect((await third.api.post(`${base}/${dish.id}/claim`)).status()).toBe(201);
    const below = await host.api.patch(`${base}/${dish.id}`, { data: { quantity: 1 } });
    expect(below.status()).toBe(409);
    expect((await below.json()).message).toBe("2 are already claimed: “How many” cannot be less than 2.");
    expect((await host.api.patch(`${base}/${dish.id}`, { data: { quantity: 2 } })).status()).toBe(200);

    expect((await guest.api.delete(`${base}/${dish.id}`)).status()).toBe(403);
    expect((await host.api.delete(`${base}/${dish.id}`)).status()).toBe(204);
    expect((await host.api.delete(`${base}/${dish.id}`)).status()).toBe(404);
    expect(await (await host.api.get(base)).json()).toEqual({ dishes: [] });
    await Promise.all([host, guest, third].map((p) => p.api.dispose()));
  },
);

test(
  "claims: going guests only, never more than How many, once each; dropping one frees it",
  { tag: "@smoke" },
  async () => {
    const host = await apiPerson("claimhost");
    const [ana, bo, maybe, stranger] = [
      await apiPerson("claimana"),
      await apiPerson("claimbo"),
      await apiPerson("claimmaybe"),
      await apiPerson("claimx"),
    ];
    const party = await apiCreateParty(host.api);
    await apiAnswer(ana.api, party.id, { response: "going" });
    await apiAnswer(bo.api, party.id, { response: "going" });
    await apiAnswer(maybe.api, party.id, { response: "maybe" });
    const dish = await (
      await host.api.post(`/api/parties/${party.id}/dishes`, { data: { name: "Wine", quantity: 1 } })
    ).json();
    const claim = `/api/parties/${party.id}/dishes/${dish.id}/claim`;

    const mine = await ana.api.post(claim, { data: { note: "a Rioja" } });
    expect(mine.status()).toBe(201);
    expect(await mine.json()).toEqual({
      ...dish,
      claimed: 1,
      claims: [{ username: ana.user.username, note: "a Rioja" }],
    });
    const again = await ana.api.post(claim);
    expect(again.status()).toBe(409);
    expect((await again.json()).message).toBe("You are already bringing this.");
    const full = await bo.api.post(claim);
    expect(full.status()).toBe(409);
    expect((await full.json()).message).toBe("Someone is already bringing all of this.");
    expect((await maybe.api.post(claim)).status()).toBe(403);
    expect((await stranger.api.post(claim)).status()).toBe(403);
    expect((await ana.api.post(claim, { data: { note: "x".repeat(61) } })).status()).toBe(400);
    expect((await ana.api.post(claim, { data: { colour: "red" } })).status()).toBe(400);

    // Everyone who can see the party sees the counts and, with the guest list shown, the names.
    for (const p of [host, bo, maybe, stranger]) {
      const board = await (await p.api.get(`/api/parties/${party.id}/dishes`)).json();
      expect(board.dishes[0].claims, p.user.username).toEqual([{ username: ana.user.username, note: "a Rioja" }]);
    }

    expect((await bo.api.delete(claim)).status()).toBe(404);
    expect((await ana.api.delete(claim)).status()).toBe(204);
    expect((await bo.api.post(claim)).status()).toBe(201);
    // Bo stops going: the wine is free again.
    await apiAnswer(bo.api, party.id, { response: "declined" });
    const board = await (await host.api.get(`/api/parties/${party.id}/dishes`)).json();
    expect(board.dishes[0]).toEqual({ ...dish, claimed: 0, claims: [] });
    await Promise.all([host, ana, bo, maybe, stranger].map((p) => p.api.dispose()));
  },
);
