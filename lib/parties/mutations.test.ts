import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { cancelRsvp, deleteParty, rsvpGoing, updateParty } from "./mutations";
import { makeParty, makeUser } from "./test-helpers";

async function stored(partyId: number) {
  const [party, rows] = await Promise.all([
    db.dinnerParty.findUnique({ where: { id: partyId }, select: { seats: true, seatsTaken: true, venue: true } }),
    db.attendance.findMany({ where: { partyId }, select: { userId: true } }),
  ]);
  return { party, userIds: rows.map((r) => r.userId).sort() };
}

describe("creating a party", () => {
  it("seats the host as the first attendee, in the same write", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id, { seats: 4 });
    assert.equal(party.seatsTaken, 1);
    assert.equal(party.seatsLeft, 3);
    assert.deepEqual(
      party.guests.map((g) => g.username),
      [host.username],
    );
    assert.deepEqual((await stored(party.id)).userIds, [host.id]);
  });
});

describe("RSVP", () => {
  it("takes a seat, refuses a second RSVP, and refuses when full", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id, { seats: 2 });
    const [a, b] = [await makeUser(), await makeUser()];
    const ok = await rsvpGoing(party.id, a.id);
    assert.equal(ok.status, "ok");
    assert.ok(ok.status === "ok" && ok.hostUsername === host.username);
    assert.deepEqual(await rsvpGoing(party.id, a.id), { status: "already" });
    assert.deepEqual(await rsvpGoing(party.id, host.id), { status: "already" });
    assert.deepEqual(await rsvpGoing(party.id, b.id), { status: "full" });
    const s = await stored(party.id);
    assert.equal(s.party?.seatsTaken, 2);
    assert.deepEqual(s.userIds, [host.id, a.id].sort());
  });

  it("refuses unknown and past parties", async () => {
    const guest = await makeUser();
    assert.deepEqual(await rsvpGoing(2_000_000_000, guest.id), { status: "not_found" });
    const host = await makeUser();
    const party = await makeParty(host.id);
    assert.deepEqual(await rsvpGoing(party.id, guest.id, new Date(Date.now() + 30 * 86_400_000)), { status: "past" });
  });

  it("never overbooks: 60 simultaneous RSVPs for 9 free seats seat exactly 9", async () => {
    const host = await makeUser();
    const guests = await Promise.all(Array.from({ length: 60 }, () => makeUser("r")));
    for (let round = 0; round < 3; round++) {
      const party = await makeParty(host.id, { seats: 10 });
      const results = await Promise.all(guests.map((g) => rsvpGoing(party.id, g.id)));
      const seated = guests.filter((_, i) => results[i]!.status === "ok").map((g) => g.id);
      assert.equal(seated.length, 9);
      assert.equal(results.filter((r) => r.status === "full").length, 51);
      const s = await stored(party.id);
      assert.equal(s.party?.seatsTaken, 10);
      assert.deepEqual(s.userIds, [host.id, ...seated].sort());
    }
  });

  it("stores one RSVP when the same person sends twenty at once", async () => {
    const host = await makeUser();
    const guest = await makeUser();
    const party = await makeParty(host.id, { seats: 50 });
    const results = await Promise.all(Array.from({ length: 20 }, () => rsvpGoing(party.id, guest.id)));
    assert.equal(results.filter((r) => r.status === "ok").length, 1);
    assert.equal(results.filter((r) => r.status === "already").length, 19);
    assert.equal((await stored(party.id)).party?.seatsTaken, 2);
  });
});

describe("cancelling", () => {
  it("frees the seat; the host cannot cancel; cancelling twice says so", async () => {
    const host = await makeUser();
    const guest = await makeUser();
    const party = await makeParty(host.id, { seats: 3 });
    await rsvpGoing(party.id, guest.id);
    assert.deepEqual(await cancelRsvp(party.id, host.id), { status: "host" });
    assert.deepEqual(await cancelRsvp(party.id, guest.id), { status: "ok" });
    assert.deepEqual(await cancelRsvp(party.id, guest.id), { status: "not_attending" });
    assert.deepEqual(await cancelRsvp(2_000_000_000, guest.id), { status: "not_found" });
    const s = await stored(party.id);
    assert.equal(s.party?.seatsTaken, 1);
    assert.deepEqual(s.userIds, [host.id]);
  });
});

describe("editing and deleting", () => {
  it("only the host changes a party; others change nothing", async () => {
    const host = await makeUser();
    const other = await makeUser();
    const party = await makeParty(host.id);
    assert.deepEqual(await updateParty(party.id, other.id, { venue: "Hijacked" }), { status: "forbidden" });
    assert.deepEqual(await deleteParty(party.id, other.id), { status: "forbidden" });
    assert.equal((await stored(party.id)).party?.venue, party.venue);
    assert.deepEqual(await updateParty(party.id, host.id, { venue: "New place" }), { status: "ok" });
    assert.equal((await stored(party.id)).party?.venue, "New place");
    assert.deepEqual(await updateParty(2_000_000_000, host.id, { venue: "x" }), { status: "not_found" });
  });

  it("seats never drop below the people coming", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id, { seats: 5 });
    for (let i = 0; i < 2; i++) await rsvpGoing(party.id, (await makeUser()).id);
    assert.deepEqual(await updateParty(party.id, host.id, { seats: 2 }), {
      status: "seats_below_attendees",
      seatsTaken: 3,
    });
    assert.equal((await stored(party.id)).party?.seats, 5);
    assert.deepEqual(await updateParty(party.id, host.id, { seats: 3 }), { status: "ok" });
    assert.deepEqual(await rsvpGoing(party.id, (await makeUser()).id), { status: "full" });
  });

  it("deleting a party deletes its RSVPs", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id);
    await rsvpGoing(party.id, (await makeUser()).id);
    assert.deepEqual(await deleteParty(party.id, host.id), { status: "ok" });
    assert.equal(await db.attendance.count({ where: { partyId: party.id } }), 0);
    assert.deepEqual(await deleteParty(party.id, host.id), { status: "not_found" });
  });
});
