// "What to bring" on the database the run uses (SQLite, and PostgreSQL at
// READ COMMITTED: npm test runs both): the claim rules, the host's writes,
// claims that go when a guest stops going, and the race of issue 17.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { answerParty, cancelRsvp, removeGuest } from "@/lib/parties/mutations";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { listDishes } from "./data";
import { addDish, claimDish, removeDish, unclaimDish, updateDish, type ClaimResult } from "./mutations";

async function going(partyId: number, prefix = "dish_g") {
  const u = await makeUser(prefix);
  const r = await answerParty(partyId, u.id, { response: "going" });
  assert.equal(r.status, "ok");
  return u;
}

async function newDish(partyId: number, hostId: string, quantity = 1, name = "Dessert") {
  const r = await addDish(partyId, hostId, { name, quantity });
  assert.equal(r.status, "ok");
  return (r as { dishId: number }).dishId;
}

/** Dish.claimed equals its claim rows, never above "How many"; every claimer is going. Returns what is wrong. */
async function boardInvariants(partyId: number): Promise<string[]> {
  const dishes = await db.dish.findMany({ where: { partyId }, select: { id: true, quantity: true, claimed: true } });
  const claims = await db.dishClaim.findMany({ where: { partyId }, select: { dishId: true, userId: true } });
  const goingIds = new Set(
    (await db.attendance.findMany({ where: { partyId, response: "going" }, select: { userId: true } })).map(
      (a) => a.userId,
    ),
  );
  const wrong: string[] = [];
  for (const d of dishes) {
    const n = claims.filter((c) => c.dishId === d.id).length;
    if (n !== d.claimed) wrong.push(`dish ${d.id}: claimed ${d.claimed} but ${n} claims`);
    if (n > d.quantity) wrong.push(`dish ${d.id}: over-claimed, ${n} of ${d.quantity}`);
  }
  for (const c of claims)
    if (!goingIds.has(c.userId)) wrong.push(`${c.userId} claims dish ${c.dishId} but is not going`);
  return wrong;
}

describe("claiming an item", () => {
  it("a going guest claims one and drops it; the count follows", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id);
    const dish = await newDish(party.id, host.id, 2);
    const ana = await going(party.id);
    assert.deepEqual(await claimDish(party.id, dish, ana.id, "  lemon tart "), { status: "ok" });
    const board = await listDishes(party.id, host.id);
    assert.deepEqual(board?.dishes[0], {
      id: dish,
      name: "Dessert",
      quantity: 2,
      claimed: 1,
      mine: false,
      claims: [{ username: ana.username, note: "  lemon tart " }],
    });
    assert.equal((await listDishes(party.id, ana.id))?.dishes[0]?.mine, true);
    assert.deepEqual(await unclaimDish(party.id, dish, ana.id), { status: "ok" });
    assert.deepEqual(await unclaimDish(party.id, dish, ana.id), { status: "no_claim" });
    assert.equal((await listDishes(party.id, host.id))?.dishes[0]?.claimed, 0);
    assert.deepEqual(await boardInvariants(party.id), []);
  });

  it("refuses a second claim by the same guest, and a claim when all are taken", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id);
    const dish = await newDish(party.id, host.id, 1);
    const [ana, bo] = [await going(party.id), await going(party.id)];
    assert.deepEqual(await claimDish(party.id, dish, ana.id), { status: "ok" });
    assert.deepEqual(await claimDish(party.id, dish, ana.id), { status: "already" });
    assert.deepEqual(await claimDish(party.id, dish, bo.id), { status: "full" });
    assert.deepEqual(await boardInvariants(party.id), []);
  });

  it("is for going guests (the host included): maybe, waitlisted, strangers and other parties' items are refused", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id, { seats: 2, waitlist: true });
    const other = await makeParty(host.id);
    const dish = await newDish(party.id, host.id, 5);
    const elsewhere = await newDish(other.id, host.id, 5);
    const maybe = await makeUser("dish_m");
    await answerParty(party.id, maybe.id, { response: "maybe" });
    await going(party.id); // the last seat
    const waiting = await makeUser("dish_w");
    assert.equal((await answerParty(party.id, waiting.id, { response: "going" })).status, "ok");
    const stranger = await makeUser("dish_s");
    assert.deepEqual(await claimDish(party.id, dish, maybe.id), { status: "not_going" });
    assert.deepEqual(await claimDish(party.id, dish, waiting.id), { status: "not_going" });
    assert.deepEqual(await claimDish(party.id, dish, stranger.id), { status: "not_going" });
    assert.deepEqual(await claimDish(party.id, elsewhere, host.id), { status: "no_dish" });
    assert.deepEqual(await claimDish(party.id, 2_000_000_000, host.id), { status: "no_dish" });
    assert.deepEqual(await claimDish(2_000_000_000, dish, host.id), { status: "not_found" });
    assert.deepEqual(await claimDish(party.id, dish, host.id), { status: "ok" });
  });

  it("an invite-only party's board is not there for a stranger", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id, { visibility: "invite-only" });
    const dish = await newDish(party.id, host.id);
    const stranger = await makeUser("dish_s");
    assert.deepEqual(await claimDish(party.id, dish, stranger.id), { status: "not_found" });
    assert.deepEqual(await unclaimDish(party.id, dish, stranger.id), { status: "not_found" });
    assert.equal(await listDishes(party.id, stranger.id), null);
  });
});

describe("a guest who stops going loses their claims, in the same transaction", () => {
  for (const [how, stop] of [
    ["answers maybe", (p: number, u: string) => answerParty(p, u, { response: "maybe" })],
    ["answers can't go", (p: number, u: string) => answerParty(p, u, { response: "declined" })],
    ["cancels", (p: number, u: string) => cancelRsvp(p, u)],
  ] as const) {
    it(how, async () => {
      const host = await makeUser("dish_h");
      const party = await makeParty(host.id);
      const [a, b] = [await newDish(party.id, host.id, 1, "Wine"), await newDish(party.id, host.id, 3, "Bread")];
      const ana = await going(party.id);
      await claimDish(party.id, a, ana.id);
      await claimDish(party.id, b, ana.id);
      assert.equal((await stop(party.id, ana.id)).status, "ok");
      const board = await listDishes(party.id, host.id);
      assert.deepEqual(
        board?.dishes.map((d) => [d.name, d.claimed, d.claims.length]),
        [
          ["Wine", 0, 0],
          ["Bread", 0, 0],
        ],
      );
      assert.deepEqual(await boardInvariants(party.id), []);
    });
  }

  it("is removed by the host", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id);
    const dish = await newDish(party.id, host.id);
    const ana = await going(party.id);
    await claimDish(party.id, dish, ana.id);
    assert.equal((await removeGuest(party.id, host.id, ana.username)).status, "ok");
    assert.deepEqual(await boardInvariants(party.id), []);
    assert.equal((await listDishes(party.id, host.id))?.dishes[0]?.claimed, 0);
  });
});

describe("the host's items", () => {
  it("only the host adds, edits and removes; never below the claims", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id);
    const guest = await going(party.id);
    const stranger = await makeUser("dish_s");
    assert.deepEqual(await addDish(party.id, guest.id, { name: "Cake", quantity: 1 }), { status: "forbidden" });
    assert.deepEqual(await addDish(2_000_000_000, host.id, { name: "Cake", quantity: 1 }), { status: "not_found" });
    const dish = await newDish(party.id, host.id, 3, "Salad");
    const other = await going(party.id);
    await claimDish(party.id, dish, guest.id);
    await claimDish(party.id, dish, other.id);
    assert.deepEqual(await updateDish(party.id, dish, guest.id, { quantity: 5 }), { status: "forbidden" });
    assert.deepEqual(await updateDish(party.id, dish, host.id, { quantity: 1 }), {
      status: "below_claims",
      claimed: 2,
    });
    assert.deepEqual(await updateDish(party.id, dish, host.id, { quantity: 2, name: "Green salad" }), {
      status: "ok",
    });
    assert.deepEqual(await updateDish(party.id, 2_000_000_000, host.id, { quantity: 2 }), { status: "no_dish" });
    assert.deepEqual(await removeDish(party.id, dish, stranger.id), { status: "forbidden" });
    const board = await listDishes(party.id, host.id);
    assert.deepEqual(
      board?.dishes.map((d) => [d.name, d.quantity, d.claimed]),
      [["Green salad", 2, 2]],
    );
    assert.deepEqual(await removeDish(party.id, dish, host.id), { status: "ok" });
    assert.deepEqual(await removeDish(party.id, dish, host.id), { status: "no_dish" });
    assert.equal(await db.dishClaim.count({ where: { dishId: dish } }), 0);
  });

  it("a hidden guest list hides who brings what, not the counts", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id, { guestListHidden: true });
    const dish = await newDish(party.id, host.id, 2);
    const [ana, bo] = [await going(party.id), await going(party.id)];
    await claimDish(party.id, dish, ana.id, "vegan brownies");
    const seenByBo = await listDishes(party.id, bo.id);
    assert.deepEqual(seenByBo, {
      names: false,
      dishes: [{ id: dish, name: "Dessert", quantity: 2, claimed: 1, mine: false, claims: [] }],
    });
    assert.equal((await listDishes(party.id, ana.id))?.dishes[0]?.mine, true);
    assert.deepEqual((await listDishes(party.id, host.id))?.dishes[0]?.claims, [
      { username: ana.username, note: "vegan brownies" },
    ]);
  });
});

describe("the host lowers How many while guests claim", () => {
  it("never ends below the claims: either the lower number or the claims win, never both", async () => {
    const host = await makeUser("dish_h");
    const party = await makeParty(host.id, { seats: 20 });
    const guests = await Promise.all(Array.from({ length: 12 }, () => makeUser("dish_low")));
    for (const g of guests) await answerParty(party.id, g.id, { response: "going" });
    for (let round = 0; round < 3; round++) {
      const dish = await newDish(party.id, host.id, 12, `Round ${round}`);
      const [lowered, ...claims] = await Promise.all([
        updateDish(party.id, dish, host.id, { quantity: 4 }),
        ...guests.map((g) => claimDish(party.id, dish, g.id)),
      ]);
      const row = await db.dish.findUniqueOrThrow({ where: { id: dish }, select: { quantity: true, claimed: true } });
      assert.ok(row.claimed <= row.quantity, `round ${round}: ${row.claimed} of ${row.quantity}`);
      assert.equal(row.claimed, claims.filter((c) => c.status === "ok").length);
      assert.equal(row.quantity, lowered.status === "ok" ? 4 : 12);
      assert.deepEqual(await boardInvariants(party.id), []);
    }
  });
});

describe("40 going guests claiming at once while others cancel", () => {
  it("never over-claims, stores every accepted claim, leaves no claim by someone not going (4 rounds)", async () => {
    const host = await makeUser("dish_race_h");
    const party = await makeParty(host.id, { seats: 60 });
    const guests = await Promise.all(Array.from({ length: 40 }, () => makeUser("dish_race")));
    for (const g of guests) await answerParty(party.id, g.id, { response: "going" });
    const hot = await newDish(party.id, host.id, 3, "Dessert");
    const others = await Promise.all([1, 2, 1, 4, 2].map((q, i) => newDish(party.id, host.id, q, `Item ${i}`)));
    for (let round = 0; round < 4; round++) {
      // A few leave in the middle of the burst, and come back for the next round.
      const leaving = new Set(guests.slice(round * 3, round * 3 + 3).map((g) => g.id));
      const claims = guests.map((g, i) =>
        claimDish(party.id, i % 2 === 0 ? hot : others[i % others.length]!, g.id).then((r) => ({ g, r })),
      );
      const leaves = [...leaving].map((id) =>
        round % 2 === 0 ? cancelRsvp(party.id, id) : answerParty(party.id, id, { response: "declined" }),
      );
      const results: { g: { id: string }; r: ClaimResult }[] = await Promise.all(claims);
      await Promise.all(leaves);

      assert.deepEqual(await boardInvariants(party.id), [], `round ${round}`);
      const hotRow = await db.dish.findUniqueOrThrow({ where: { id: hot }, select: { claimed: true } });
      assert.ok(hotRow.claimed <= 3, `round ${round}: ${hotRow.claimed} of 3`);
      // Every accepted claim is stored — unless its guest left afterwards in this burst.
      for (const { g, r } of results) {
        if (r.status !== "ok" || leaving.has(g.id)) continue;
        const stored = await db.dishClaim.count({ where: { partyId: party.id, userId: g.id } });
        assert.ok(stored >= 1, `round ${round}: an accepted claim of ${g.id} is missing`);
      }
      const ok = results.filter((x) => x.r.status === "ok").length;
      assert.ok(ok > 0, `round ${round}: nobody got anything`);
      // Next round: everyone drops what they have, the leavers come back.
      for (const g of guests) {
        for (const d of [hot, ...others]) await unclaimDish(party.id, d, g.id);
        if (leaving.has(g.id)) await answerParty(party.id, g.id, { response: "going" });
      }
      assert.deepEqual(await boardInvariants(party.id), []);
    }
  });
});
