// Invitation links against the database the run uses (npm test: SQLite and
// PostgreSQL): the host's link opens the party, a visit grants sight of it,
// a reset kills the old link at once, and a copy of the database is no link.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { findParty } from "@/lib/parties/data";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { invitationPreview, invitationTokenFor, partyOfInvitation } from "./data";
import { recordVisit, resetInvitation } from "./mutations";
import { makeToken } from "@/lib/tokens";

async function inviteOnlyParty() {
  const host = await makeUser("ihost");
  const party = await makeParty(host.id, { venue: "12 Secret Lane" });
  await db.dinnerParty.update({ where: { id: party.id }, data: { visibility: "invite-only" } });
  return { host, party };
}

describe("invitation links", () => {
  it("are shown to the host only, and open their party", async () => {
    const { host, party } = await inviteOnlyParty();
    const guest = await makeUser("iguest");
    const token = await invitationTokenFor(party.id, host.id);
    assert.ok(token);
    assert.equal(await invitationTokenFor(party.id, guest.id), null);
    assert.equal(await invitationTokenFor(party.id, host.id), token, "the same link every time");
    assert.equal(await partyOfInvitation(token), party.id);
  });

  it("preview title, host, date and going count, and the venue only for a listed party with it shown", async () => {
    const { host, party } = await inviteOnlyParty();
    const token = (await invitationTokenFor(party.id, host.id))!;
    assert.deepEqual(await invitationPreview(token), {
      id: party.id,
      // Not "Dinner at 12 Secret Lane": the preview of an invite-only party never names its venue.
      title: `${host.username}'s dinner party`,
      host: { username: host.username },
      startsAt: party.startsAt,
      going: 1,
      venue: null,
    });
    await db.dinnerParty.update({ where: { id: party.id }, data: { visibility: "listed", title: "Soup night" } });
    const listed = await invitationPreview(token);
    assert.equal(listed?.title, "Soup night");
    assert.equal(listed?.venue, "12 Secret Lane");
    await db.dinnerParty.update({ where: { id: party.id }, data: { venueHidden: true } });
    assert.equal((await invitationPreview(token))?.venue, null);
  });

  it("grant sight of the party to a logged-in visitor, once however often they open it", async () => {
    const { host, party } = await inviteOnlyParty();
    const visitor = await makeUser("ivisit");
    const token = (await invitationTokenFor(party.id, host.id))!;
    assert.equal(await findParty(party.id, visitor.id), null);
    assert.deepEqual(await Promise.all([recordVisit(token, visitor.id), recordVisit(token, visitor.id)]), [
      { status: "ok", partyId: party.id },
      { status: "ok", partyId: party.id },
    ]);
    assert.equal(await db.partyVisit.count({ where: { partyId: party.id, userId: visitor.id } }), 1);
    assert.equal((await findParty(party.id, visitor.id))?.id, party.id);
  });

  it("die at once on Reset link, which only the host can do", async () => {
    const { host, party } = await inviteOnlyParty();
    const stranger = await makeUser("istranger");
    const old = (await invitationTokenFor(party.id, host.id))!;
    assert.deepEqual(await resetInvitation(party.id, stranger.id), { status: "not_found" });
    assert.equal(await partyOfInvitation(old), party.id, "a refused reset changes nothing");
    const reset = await resetInvitation(party.id, host.id);
    assert.equal(reset.status, "ok");
    const fresh = reset.status === "ok" ? reset.token : "";
    assert.notEqual(fresh, old);
    assert.equal(await partyOfInvitation(old), null);
    assert.equal(await invitationPreview(old), null);
    assert.deepEqual(await recordVisit(old, stranger.id), { status: "not_found" });
    assert.equal(await partyOfInvitation(fresh), party.id);
    assert.equal(await invitationTokenFor(party.id, host.id), fresh);
    // A guest of a listed party is told it is someone else's.
    await db.dinnerParty.update({ where: { id: party.id }, data: { visibility: "listed" } });
    assert.deepEqual(await resetInvitation(party.id, stranger.id), { status: "forbidden" });
  });

  it("cannot be made from a copy of the database without AUTH_SECRET, nor for a missing party", async () => {
    const { party } = await inviteOnlyParty();
    const row = await db.dinnerParty.findUniqueOrThrow({ where: { id: party.id }, select: { inviteSecret: true } });
    assert.ok(row.inviteSecret.length >= 32);
    const guessed = makeToken(
      "invitation",
      String(party.id),
      row.inviteSecret,
      "what-an-attacker-would-try-0123456789",
    );
    assert.equal(await partyOfInvitation(guessed), null);
    const missing = makeToken("invitation", "2000000000", row.inviteSecret);
    assert.equal(await partyOfInvitation(missing), null);
    for (const bad of ["", "abc", "x".repeat(500), "../../etc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
      assert.equal(await partyOfInvitation(bad), null, bad);
  });
});
