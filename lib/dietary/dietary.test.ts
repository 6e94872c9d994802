// Dietary needs: the profile, and who may read it (the data layer's rule —
// e2e/api-dietary.spec.ts checks every surface of the running app).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import * as z from "zod/mini";
import { db } from "@/lib/db";
import { answerParty, cancelRsvp } from "@/lib/parties/mutations";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { dietaryLine } from "./api";
import { dietaryForHost, getDietaryProfile, partyDietary } from "./data";
import { countsLine } from "./messages";
import { saveDietaryProfile } from "./mutations";
import { dietaryApiSchema, dietaryFormSchema } from "./schema";

describe("the profile", () => {
  it("is no needs, shared, until saved; a save changes only what it names", async () => {
    const u = await makeUser("diet");
    assert.deepEqual(await getDietaryProfile(u.id), { needs: [], other: "", share: true });
    await saveDietaryProfile(u.id, { needs: ["nut-allergy", "vegetarian"], other: "No coriander" });
    await saveDietaryProfile(u.id, { share: false });
    assert.deepEqual(await getDietaryProfile(u.id), {
      needs: ["vegetarian", "nut-allergy"],
      other: "No coriander",
      share: false,
    });
  });

  it("goes with the account", async () => {
    const u = await makeUser("diet");
    await saveDietaryProfile(u.id, { needs: ["vegan"] });
    await db.user.delete({ where: { id: u.id } });
    assert.equal(await db.dietaryProfile.count({ where: { userId: u.id } }), 0);
  });
});

describe("the schemas", () => {
  it("the API takes known needs only, in the contract's order, and nothing else", () => {
    assert.deepEqual(z.parse(dietaryApiSchema, { needs: ["kosher", "vegan", "vegan"] }), {
      needs: ["vegan", "kosher"],
    });
    for (const bad of [
      { needs: ["carnivore"] },
      { needs: "vegan" },
      { share: "yes" },
      { other: "x".repeat(201) },
      { other: "\u202eevil" },
      { allergies: [] },
      [],
    ])
      assert.equal(z.safeParse(dietaryApiSchema, bad).success, false, JSON.stringify(bad));
  });

  it("the form reads ticked boxes, the hidden offs, and Other needs", () => {
    assert.deepEqual(
      z.parse(dietaryFormSchema, {
        "need-vegetarian": "on",
        "need-vegan": "off",
        "need-nut-allergy": "on",
        other: " spicy food ",
        share: "off",
      }),
      { needs: ["vegetarian", "nut-allergy"], other: "spicy food", share: false },
    );
  });
});

describe("the host's summary", () => {
  it("counts the going guests who share, lists them, and leaves out everyone else", async () => {
    const host = await makeUser("diet_h");
    await saveDietaryProfile(host.id, { needs: ["halal"] });
    const party = await makeParty(host.id, { seats: 10 });
    const people = {
      ana: await makeUser("diet_a"), // going, shares
      bo: await makeUser("diet_b"), // going, shares
      cy: await makeUser("diet_c"), // going, does not share
      di: await makeUser("diet_d"), // maybe, shares
      ed: await makeUser("diet_e"), // went, cancelled
      fi: await makeUser("diet_f"), // going, shares nothing
    };
    await saveDietaryProfile(people.ana.id, { needs: ["vegetarian", "nut-allergy"], other: "No coriander" });
    await saveDietaryProfile(people.bo.id, { needs: ["vegetarian"] });
    await saveDietaryProfile(people.cy.id, { needs: ["vegan"], share: false });
    await saveDietaryProfile(people.di.id, { needs: ["kosher"] });
    await saveDietaryProfile(people.ed.id, { needs: ["pescatarian"] });
    for (const p of [people.ana, people.bo, people.cy, people.ed, people.fi])
      await answerParty(party.id, p.id, { response: "going" });
    await answerParty(party.id, people.di.id, { response: "maybe" });
    await cancelRsvp(party.id, people.ed.id);

    const summary = await partyDietary(party.id, host.id);
    assert.deepEqual(summary, {
      counts: { vegetarian: 2, "nut-allergy": 1 },
      guests: [
        { username: people.ana.username, needs: ["vegetarian", "nut-allergy"], other: "No coriander" },
        { username: people.bo.username, needs: ["vegetarian"], other: "" },
      ],
    });
    assert.equal(countsLine(summary!.counts), "2 Vegetarian · 1 Nut allergy");
    assert.equal(dietaryLine(summary!.guests[0]!), "Vegetarian; Nut allergy; No coriander");

    // Nobody but the host: a guest, a stranger, another host.
    const stranger = await makeUser("diet_s");
    const otherHost = await makeUser("diet_o");
    const otherParty = await makeParty(otherHost.id);
    for (const viewer of [people.ana.id, people.di.id, stranger.id, otherHost.id])
      assert.equal(await partyDietary(party.id, viewer), null);
    assert.equal((await dietaryForHost([party.id, otherParty.id], otherHost.id)).size, 0);

    // Sharing turned off: gone from the summary at once.
    await saveDietaryProfile(people.ana.id, { share: false });
    assert.deepEqual((await partyDietary(party.id, host.id))?.counts, { vegetarian: 1 });
  });
});

describe("the rule has one home", () => {
  it("only lib/dietary's data and mutations read or write DietaryProfile", () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!["node_modules", "generated", ".next", "test-results"].includes(e.name)) walk(full);
        } else if (/\.(ts|tsx|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
          const text = fs.readFileSync(full, "utf8");
          if (/dietaryProfile|"DietaryProfile"/.test(text)) offenders.push(path.relative(root, full));
        }
      }
    };
    for (const dir of ["app", "components", "lib", "server"]) walk(path.join(root, dir));
    assert.deepEqual(offenders.sort(), ["lib/dietary/data.ts", "lib/dietary/mutations.ts"]);
  });
});
