// Who may see an invite-only party, enforced in the data layer: every read
// and write of lib/parties answers for each kind of viewer exactly as for a
// missing party unless the viewer hosts it, has an answer to it, or opened its
// invitation link — and a guest the host removed counts as anyone else. Runs
// on the database the run uses (npm test: SQLite and PostgreSQL).
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { db } from "@/lib/db";
import { findParty, listAttending, listGuests, listHostedBy, listUpcoming } from "./data";
import { answerParty, cancelRsvp, deleteParty, removeGuest, rsvpGoing, updateParty } from "./mutations";
import { makeParty, makeUser } from "./test-helpers";

type Viewer = { id: string; username: string };

async function inviteOnly(hostId: string) {
  const party = await makeParty(hostId, { seats: 10 });
  await db.dinnerParty.update({ where: { id: party.id }, data: { visibility: "invite-only" } });
  return party.id;
}

async function seesEverywhere(partyId: number, hostId: string, viewer: Viewer | null) {
  const viewerId = viewer?.id ?? null;
  const inList = async () => {
    const ids: number[] = [];
    let cursor = null;
    for (;;) {
      const page = await listUpcoming({ cursor, limit: 100, viewerId });
      ids.push(...page.parties.map((p) => p.id));
      if (!page.nextCursor) break;
      cursor = { startsAt: page.parties.at(-1)!.startsAt, id: page.parties.at(-1)!.id };
    }
    return ids.includes(partyId);
  };
  return {
    page: (await findParty(partyId, viewerId)) !== null,
    upcoming: await inList(),
    profile: (await listHostedBy(hostId, new Date(), viewerId)).upcoming.some((p) => p.id === partyId),
    attending: viewer ? (await listAttending(viewer.id, { limit: 100 })).some((p) => p.id === partyId) : false,
  };
}

describe("an invite-only party", () => {
  let host: Viewer;
  let partyId: number;
  const people: Record<string, Viewer> = {};

  before(async () => {
    host = await makeUser("vhost");
    partyId = await inviteOnly(host.id);
    for (const kind of ["stranger", "going", "maybe", "declined", "waitlisted", "visitor", "removed"])
      people[kind] = await makeUser(`v${kind}`.slice(0, 10));
    // Answers need access first: each of them opened the link.
    for (const kind of ["going", "maybe", "declined", "waitlisted", "visitor", "removed"])
      await db.partyVisit.create({ data: { partyId, userId: people[kind]!.id } });
    for (const kind of ["going", "maybe", "declined"] as const) {
      const r = await answerParty(partyId, people[kind]!.id, { response: kind });
      assert.equal(r.status, "ok");
    }
    await db.dinnerParty.update({ where: { id: partyId }, data: { waitlist: true } });
    assert.equal((await answerParty(partyId, people.removed!.id, { response: "going" })).status, "ok");
    assert.equal((await removeGuest(partyId, host.id, people.removed!.username)).status, "ok");
    // Fill the table so the next going answer queues.
    await db.dinnerParty.update({ where: { id: partyId }, data: { seats: 2 } });
    const queued = await answerParty(partyId, people.waitlisted!.id, { response: "going" });
    assert.equal(queued.status === "ok" && queued.rsvp.response, "waitlisted");
  });

  it("is seen on every read by the host, each answer and a visitor, and on none by anyone else", async () => {
    const seen = { page: true, upcoming: true, profile: true };
    assert.deepEqual(await seesEverywhere(partyId, host.id, host), { ...seen, attending: true });
    for (const kind of ["going", "maybe", "waitlisted"])
      assert.deepEqual(await seesEverywhere(partyId, host.id, people[kind]!), { ...seen, attending: true }, kind);
    for (const kind of ["declined", "visitor"])
      assert.deepEqual(await seesEverywhere(partyId, host.id, people[kind]!), { ...seen, attending: false }, kind);
    const unseen = { page: false, upcoming: false, profile: false, attending: false };
    for (const kind of ["stranger", "removed"])
      assert.deepEqual(await seesEverywhere(partyId, host.id, people[kind]!), unseen, kind);
    assert.deepEqual(await seesEverywhere(partyId, host.id, null), unseen, "nobody logged in");
  });

  it("answers a stranger's and a removed guest's writes as for a missing party", async () => {
    const missing = 2_000_000_000;
    for (const kind of ["stranger", "removed"]) {
      const who = people[kind]!;
      for (const id of [partyId, missing]) {
        assert.deepEqual(await answerParty(id, who.id, { response: "going" }), { status: "not_found" }, kind);
        assert.deepEqual(await answerParty(id, who.id, { response: "maybe" }), { status: "not_found" }, kind);
        assert.deepEqual(await rsvpGoing(id, who.id), { status: "not_found" }, kind);
        assert.deepEqual(await cancelRsvp(id, who.id), { status: "not_found" }, kind);
        assert.deepEqual(await updateParty(id, who.id, { venue: "Mine now" }), { status: "not_found" }, kind);
        assert.deepEqual(await removeGuest(id, who.id, people.going!.username), { status: "not_found" }, kind);
        assert.deepEqual(await deleteParty(id, who.id), { status: "not_found" }, kind);
        assert.equal(await listGuests(id, who.id), null);
      }
    }
    // Nothing changed: the stranger has no answer, the removed guest is still removed.
    const rows = await db.attendance.findMany({ where: { partyId }, select: { userId: true, response: true } });
    assert.equal(
      rows.find((r) => r.userId === people.stranger!.id),
      undefined,
    );
    assert.equal(rows.find((r) => r.userId === people.removed!.id)?.response, "removed");
    const party = await db.dinnerParty.findUniqueOrThrow({ where: { id: partyId }, select: { venue: true } });
    assert.notEqual(party.venue, "Mine now");
  });

  it("lets a visitor answer, and tells a guest who is not the host that it is someone else's", async () => {
    const r = await answerParty(partyId, people.visitor!.id, { response: "maybe" });
    assert.equal(r.status, "ok");
    assert.deepEqual(await updateParty(partyId, people.going!.id, { venue: "Mine now" }), { status: "forbidden" });
    assert.deepEqual(await deleteParty(partyId, people.visitor!.id), { status: "forbidden" });
    assert.deepEqual(await cancelRsvp(partyId, people.visitor!.id), { status: "ok" });
    // Leaving does not take the link's access away: the visit stays.
    assert.notEqual(await findParty(partyId, people.visitor!.id), null);
  });
});

describe("a listed party", () => {
  it("is seen by everyone; a removed guest sees it but cannot answer; a stranger's host writes are forbidden", async () => {
    const host = await makeUser("lhost");
    const stranger = await makeUser("lstranger");
    const guest = await makeUser("lguest");
    const party = await makeParty(host.id);
    const seen = await seesEverywhere(party.id, host.id, stranger);
    assert.deepEqual(seen, { page: true, upcoming: true, profile: true, attending: false });
    assert.equal((await findParty(party.id, null))?.id, party.id);
    assert.equal((await rsvpGoing(party.id, guest.id)).status, "ok");
    assert.equal((await removeGuest(party.id, host.id, guest.username)).status, "ok");
    assert.notEqual(await findParty(party.id, guest.id), null);
    assert.deepEqual(await answerParty(party.id, guest.id, { response: "going" }), { status: "removed" });
    assert.deepEqual(await updateParty(party.id, stranger.id, { venue: "Mine now" }), { status: "forbidden" });
    assert.deepEqual(await deleteParty(party.id, stranger.id), { status: "forbidden" });
  });
});
