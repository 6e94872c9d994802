// The answer state machine (going, maybe, declined, waitlisted, removed),
// plus-ones, the waitlist and the RSVP deadline, on the database the run uses
// (npm test runs it on SQLite and on PostgreSQL). Every test ends by checking
// the invariants of lib/parties/test-helpers.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/users/mutations";
import { hashPassword } from "@/lib/credentials/password";
import { findParty, listGuests } from "./data";
import { answerParty, cancelRsvp, removeGuest, rsvpGoing, updateParty, type AnswerResult } from "./mutations";
import { answerInvariants, makeParty, makeUser } from "./test-helpers";
import type { PartyInput } from "./schema";

type State = "none" | "going" | "maybe" | "declined" | "waitlisted" | "removed";
type Wish = "going" | "maybe" | "declined";

const DAY = 86_400_000;

async function stored(partyId: number, userId: string) {
  return db.attendance.findUnique({
    where: { partyId_userId: { partyId, userId } },
    select: { response: true, plusOnes: true, note: true, queuePos: true },
  });
}

async function seatsTaken(partyId: number) {
  return (await db.dinnerParty.findUniqueOrThrow({ where: { id: partyId }, select: { seatsTaken: true } })).seatsTaken;
}

async function holds(partyId: number) {
  assert.deepEqual(await answerInvariants(partyId), []);
}

function ok(result: AnswerResult) {
  assert.equal(result.status, "ok", JSON.stringify(result));
  return result as Extract<AnswerResult, { status: "ok" }>;
}

/**
 * A party and a guest in `state`. The party has `free` seats left for the
 * guest's answer (0: full, filled by another guest), a waitlist when asked.
 */
async function guestIn(
  state: State,
  { free = 3, waitlist = false, ...more }: { free?: number; waitlist?: boolean } & Partial<PartyInput> = {},
) {
  const host = await makeUser("h");
  const guest = await makeUser("g");
  // Host + one filler + `free` seats (+1 for a going guest's own seat, which it holds already).
  const held = state === "going" ? 1 : 0;
  const party = await makeParty(host.id, {
    seats: 2 + free + held,
    waitlist: waitlist || state === "waitlisted",
    plusOnesAllowed: 2,
    ...more,
  });
  const filler = await makeUser("f");
  ok(await answerParty(party.id, filler.id, { response: "going" }));
  if (state === "waitlisted") {
    // Fill the party, then the guest joins the waitlist.
    for (let i = 0; i < free; i++) ok(await answerParty(party.id, (await makeUser("f")).id, { response: "going" }));
    assert.equal(ok(await answerParty(party.id, guest.id, { response: "going" })).rsvp.response, "waitlisted");
  } else if (state === "removed") {
    ok(await answerParty(party.id, guest.id, { response: "going" }));
    assert.deepEqual(await removeGuest(party.id, host.id, guest.username), { status: "ok" });
  } else if (state !== "none") {
    ok(await answerParty(party.id, guest.id, { response: state, note: "first" }));
  }
  return { host, guest, filler, party };
}

describe("the answer state machine, seats free", () => {
  const cases: [State, Wish, { outcome: string; stored: string }][] = [
    ["none", "going", { outcome: "going", stored: "going" }],
    ["none", "maybe", { outcome: "maybe", stored: "maybe" }],
    ["none", "declined", { outcome: "declined", stored: "declined" }],
    ["going", "going", { outcome: "updated", stored: "going" }],
    ["going", "maybe", { outcome: "maybe", stored: "maybe" }],
    ["going", "declined", { outcome: "declined", stored: "declined" }],
    ["maybe", "going", { outcome: "going", stored: "going" }],
    ["maybe", "maybe", { outcome: "updated", stored: "maybe" }],
    ["maybe", "declined", { outcome: "declined", stored: "declined" }],
    ["declined", "going", { outcome: "going", stored: "going" }],
    ["declined", "maybe", { outcome: "maybe", stored: "maybe" }],
    ["declined", "declined", { outcome: "updated", stored: "declined" }],
  ];
  for (const [from, to, want] of cases) {
    it(`${from} → ${to}: ${want.outcome}`, async () => {
      const { guest, party } = await guestIn(from);
      const before = await seatsTaken(party.id);
      const result = ok(await answerParty(party.id, guest.id, { response: to }));
      assert.equal(result.outcome, want.outcome);
      assert.equal(result.rsvp.response, want.stored);
      assert.equal((await stored(party.id, guest.id))?.response, want.stored);
      const change = (to === "going" ? 1 : 0) - (from === "going" ? 1 : 0);
      assert.equal(await seatsTaken(party.id), before + change);
      // The note written with the first answer stays unless a new one is sent.
      if (from !== "none") assert.equal((await stored(party.id, guest.id))?.note, "first");
      await holds(party.id);
    });
  }
});

describe("the answer state machine, party full", () => {
  for (const from of ["none", "maybe", "declined"] as const) {
    it(`${from} → going without a waitlist: full, nothing changes`, async () => {
      const { guest, party } = await guestIn(from, { free: 0 });
      const before = await stored(party.id, guest.id);
      assert.deepEqual(await answerParty(party.id, guest.id, { response: "going" }), { status: "full" });
      assert.deepEqual(await stored(party.id, guest.id), before);
      await holds(party.id);
    });

    it(`${from} → going with a waitlist: waitlisted, in the order of joining`, async () => {
      const { guest, party } = await guestIn(from, { free: 0, waitlist: true });
      const first = await makeUser();
      assert.equal(ok(await answerParty(party.id, first.id, { response: "going" })).rsvp.position, 1);
      const result = ok(await answerParty(party.id, guest.id, { response: "going" }));
      assert.equal(result.outcome, "waitlisted");
      assert.deepEqual({ ...result.rsvp, note: "" }, { response: "waitlisted", plusOnes: 0, note: "", position: 2 });
      assert.equal((await findParty(party.id, guest.id))?.mine?.position, 2);
      await holds(party.id);
    });

    it(`${from} → maybe / declined: accepted without a seat`, async () => {
      const { guest, party } = await guestIn(from, { free: 0 });
      const to = from === "maybe" ? "declined" : "maybe";
      assert.equal(ok(await answerParty(party.id, guest.id, { response: to })).rsvp.response, to);
      await holds(party.id);
    });
  }

  it("POST (an RSVP) answers 'already' to a going or waitlisted guest, and turns a maybe into going", async () => {
    const going = await guestIn("going");
    assert.deepEqual(await rsvpGoing(going.party.id, going.guest.id), { status: "already" });
    const waiting = await guestIn("waitlisted");
    assert.deepEqual(await rsvpGoing(waiting.party.id, waiting.guest.id), { status: "already" });
    const maybe = await guestIn("maybe");
    const result = await rsvpGoing(maybe.party.id, maybe.guest.id);
    assert.ok(result.status === "ok" && result.rsvp.response === "going");
    await holds(maybe.party.id);
  });
});

describe("the waitlist", () => {
  for (const to of ["going", "maybe", "declined"] as const) {
    it(`waitlisted → ${to}`, async () => {
      const { guest, party } = await guestIn("waitlisted", { free: 0 });
      const result = ok(await answerParty(party.id, guest.id, { response: to }));
      assert.equal(result.rsvp.response, to === "going" ? "waitlisted" : to);
      assert.equal(result.outcome, to === "going" ? "updated" : to);
      assert.equal((await stored(party.id, guest.id))?.queuePos === null, to !== "going");
      await holds(party.id);
    });
  }

  it("cancelling leaves the waitlist; the places behind move up", async () => {
    const { guest, party } = await guestIn("waitlisted", { free: 0 });
    const behind = await makeUser();
    assert.equal(ok(await answerParty(party.id, behind.id, { response: "going" })).rsvp.position, 2);
    assert.deepEqual(await cancelRsvp(party.id, guest.id), { status: "ok" });
    assert.equal(await stored(party.id, guest.id), null);
    assert.equal((await findParty(party.id, behind.id))?.mine?.position, 1);
    await holds(party.id);
  });

  for (const how of ["cancels", "declines", "becomes a maybe", "is removed"] as const) {
    it(`a going guest ${how}: the first in line is promoted in the same change`, async () => {
      const { host, guest, filler, party } = await guestIn("waitlisted", { free: 0 });
      const second = await makeUser();
      ok(await answerParty(party.id, second.id, { response: "going" }));
      if (how === "cancels") assert.deepEqual(await cancelRsvp(party.id, filler.id), { status: "ok" });
      if (how === "declines") ok(await answerParty(party.id, filler.id, { response: "declined" }));
      if (how === "becomes a maybe") ok(await answerParty(party.id, filler.id, { response: "maybe" }));
      if (how === "is removed")
        assert.deepEqual(await removeGuest(party.id, host.id, filler.username), { status: "ok" });
      assert.equal((await stored(party.id, guest.id))?.response, "going");
      assert.equal((await stored(party.id, second.id))?.response, "waitlisted");
      assert.equal((await findParty(party.id, second.id))?.mine?.position, 1);
      await holds(party.id);
    });
  }

  it("first come, first served; a party that does not fit is skipped and keeps its place", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id, { seats: 4, waitlist: true, plusOnesAllowed: 3 });
    const [a, big, small] = [await makeUser(), await makeUser(), await makeUser()];
    ok(await answerParty(party.id, a.id, { response: "going", plusOnes: 2 })); // 4 of 4
    assert.equal(ok(await answerParty(party.id, big.id, { response: "going", plusOnes: 2 })).rsvp.position, 1);
    assert.equal(ok(await answerParty(party.id, small.id, { response: "going" })).rsvp.position, 2);
    // a brings one plus-one fewer: one seat frees, which fits small but not big.
    assert.equal(ok(await answerParty(party.id, a.id, { response: "going", plusOnes: 1 })).outcome, "updated");
    assert.equal((await stored(party.id, small.id))?.response, "going");
    assert.equal((await findParty(party.id, big.id))?.mine?.position, 1);
    await holds(party.id);
    // The host raises the seats by 3: big (3 people) is seated.
    assert.deepEqual(await updateParty(party.id, host.id, { seats: 7 }), { status: "ok" });
    assert.equal((await stored(party.id, big.id))?.response, "going");
    assert.equal(await seatsTaken(party.id), 7);
    await holds(party.id);
  });

  it("a waitlisted guest who asks for fewer plus-ones is seated when that fits", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id, { seats: 3, waitlist: true, plusOnesAllowed: 2 });
    ok(await answerParty(party.id, (await makeUser()).id, { response: "going" }));
    const guest = await makeUser();
    assert.equal(
      ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 1 })).rsvp.response,
      "waitlisted",
    );
    const result = ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 0 }));
    assert.equal(result.outcome, "going");
    assert.deepEqual({ ...result.rsvp }, { response: "going", plusOnes: 0, note: "", position: null });
    await holds(party.id);
  });

  it("turning the waitlist off keeps those waiting; new going answers are refused as full", async () => {
    const { host, guest, filler, party } = await guestIn("waitlisted", { free: 0 });
    assert.deepEqual(await updateParty(party.id, host.id, { waitlist: false }), { status: "ok" });
    assert.deepEqual(await answerParty(party.id, (await makeUser()).id, { response: "going" }), { status: "full" });
    assert.deepEqual(await cancelRsvp(party.id, filler.id), { status: "ok" });
    assert.equal((await stored(party.id, guest.id))?.response, "going");
    await holds(party.id);
  });

  it("deleting an account frees its seats for the waitlist", async () => {
    const host = await makeUser();
    const party = await makeParty(host.id, { seats: 3, waitlist: true, plusOnesAllowed: 1 });
    const password = "a long enough passphrase for tests";
    const leaving = await db.user.create({
      data: {
        username: `d_${Date.now()}`,
        email: `d.${Date.now()}@example.test`,
        passwordHash: await hashPassword(password),
      },
      select: { id: true },
    });
    ok(await answerParty(party.id, leaving.id, { response: "going", plusOnes: 1 }));
    const guest = await makeUser();
    assert.equal(ok(await answerParty(party.id, guest.id, { response: "going" })).rsvp.response, "waitlisted");
    assert.equal((await deleteAccount(leaving.id, password)).status, "ok");
    assert.equal((await stored(party.id, guest.id))?.response, "going");
    assert.equal(await seatsTaken(party.id), 2);
    await holds(party.id);
  });
});

describe("plus-ones", () => {
  it("more plus-ones take seats; more than are free keeps the answer as it was", async () => {
    const { guest, party } = await guestIn("going", { free: 1 });
    assert.equal(ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 1 })).outcome, "updated");
    assert.deepEqual(await answerParty(party.id, guest.id, { response: "going", plusOnes: 2 }), {
      status: "no_room_for_plus_ones",
    });
    assert.equal((await stored(party.id, guest.id))?.plusOnes, 1);
    await holds(party.id);
  });

  it("a going guest asking for more than fits is refused even with a waitlist", async () => {
    const { guest, party } = await guestIn("going", { free: 0, waitlist: true });
    assert.deepEqual(await answerParty(party.id, guest.id, { response: "going", plusOnes: 1 }), {
      status: "no_room_for_plus_ones",
    });
    assert.equal((await stored(party.id, guest.id))?.response, "going");
    await holds(party.id);
  });

  it("a new going answer whose plus-ones do not fit: refused without a waitlist, waitlisted with one", async () => {
    const a = await guestIn("none", { free: 1 });
    assert.deepEqual(await answerParty(a.party.id, a.guest.id, { response: "going", plusOnes: 1 }), {
      status: "no_room_for_plus_ones",
    });
    assert.equal(await stored(a.party.id, a.guest.id), null);
    const b = await guestIn("none", { free: 1, waitlist: true });
    assert.equal(
      ok(await answerParty(b.party.id, b.guest.id, { response: "going", plusOnes: 1 })).rsvp.response,
      "waitlisted",
    );
    await holds(a.party.id);
    await holds(b.party.id);
  });

  it("more than the party allows is refused; a limit lowered later keeps what was allowed", async () => {
    const { host, guest, party } = await guestIn("none");
    assert.deepEqual(await answerParty(party.id, guest.id, { response: "going", plusOnes: 3 }), {
      status: "too_many_plus_ones",
      allowed: 2,
    });
    ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 2 }));
    assert.deepEqual(await updateParty(party.id, host.id, { plusOnesAllowed: 0 }), { status: "ok" });
    assert.equal(
      ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 2, note: "n" })).outcome,
      "updated",
    );
    assert.equal(ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 1 })).rsvp.plusOnes, 1);
    assert.deepEqual(await answerParty(party.id, guest.id, { response: "going", plusOnes: 2 }), {
      status: "too_many_plus_ones",
      allowed: 0,
    });
    await holds(party.id);
  });

  it("maybe and declined answers bring nobody; seats count plus-ones, counts count people", async () => {
    const { guest, party } = await guestIn("none");
    ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 2 }));
    const seen = await findParty(party.id, guest.id);
    assert.equal(seen?.seatsTaken, 5); // host, filler, guest + 2
    assert.equal(seen?.counts.going, 3);
    assert.equal(ok(await answerParty(party.id, guest.id, { response: "maybe", plusOnes: 2 })).rsvp.plusOnes, 0);
    assert.equal(await seatsTaken(party.id), 2);
    await holds(party.id);
  });
});

describe("the RSVP deadline, the start, the host and removal", () => {
  for (const from of ["none", "going", "maybe", "declined", "waitlisted"] as const) {
    it(`after "RSVP by": ${from} cannot answer or change, but can cancel`, async () => {
      const startsAt = new Date(Date.now() + 7 * DAY);
      const { guest, party } = await guestIn(from, {
        rsvpBy: new Date(Date.now() + DAY),
        startsAt,
        free: from === "waitlisted" ? 0 : 3,
      });
      const late = new Date(Date.now() + 2 * DAY);
      for (const to of ["going", "maybe", "declined"] as const)
        assert.deepEqual(await answerParty(party.id, guest.id, { response: to }, { now: late }), { status: "closed" });
      if (from !== "none") assert.deepEqual(await cancelRsvp(party.id, guest.id), { status: "ok" });
      await holds(party.id);
    });
  }

  it("after the start nobody answers", async () => {
    const { guest, party } = await guestIn("maybe");
    assert.deepEqual(
      await answerParty(party.id, guest.id, { response: "going" }, { now: new Date(Date.now() + 30 * DAY) }),
      {
        status: "past",
      },
    );
  });

  it("the host is always going: answering is refused, rsvp says already", async () => {
    const { host, party } = await guestIn("none");
    for (const to of ["going", "maybe", "declined"] as const)
      assert.deepEqual(await answerParty(party.id, host.id, { response: to }), { status: "host" });
    assert.deepEqual(await answerParty(2_000_000_000, host.id, { response: "going" }), { status: "not_found" });
  });

  for (const from of ["going", "maybe", "declined", "waitlisted"] as const) {
    it(`removing a ${from} guest: seats freed, they cannot answer or cancel again`, async () => {
      const { host, guest, party } = await guestIn(from, { free: from === "waitlisted" ? 0 : 3 });
      const before = await seatsTaken(party.id);
      assert.deepEqual(await removeGuest(party.id, host.id, guest.username.toUpperCase()), { status: "ok" });
      assert.equal(await seatsTaken(party.id), before - (from === "going" ? 1 : 0));
      for (const to of ["going", "maybe", "declined"] as const)
        assert.deepEqual(await answerParty(party.id, guest.id, { response: to }), { status: "removed" });
      assert.deepEqual(await rsvpGoing(party.id, guest.id), { status: "removed" });
      assert.deepEqual(await cancelRsvp(party.id, guest.id), { status: "not_attending" });
      assert.deepEqual(await removeGuest(party.id, host.id, guest.username), { status: "not_a_guest" });
      assert.equal((await findParty(party.id, host.id))?.counts.going, before - (from === "going" ? 1 : 0));
      assert.ok(!(await listGuests(party.id, host.id))?.some((g) => g.username === guest.username));
      await holds(party.id);
    });
  }

  it("only the host removes, never the host; unknown people are not guests", async () => {
    const { host, guest, filler, party } = await guestIn("going");
    assert.deepEqual(await removeGuest(party.id, guest.id, filler.username), { status: "forbidden" });
    assert.deepEqual(await removeGuest(party.id, host.id, host.username), { status: "host" });
    assert.deepEqual(await removeGuest(party.id, host.id, "nobody_here"), { status: "not_a_guest" });
    assert.deepEqual(await removeGuest(2_000_000_000, host.id, guest.username), { status: "not_found" });
    assert.equal((await stored(party.id, filler.id))?.response, "going");
  });
});

describe("the host's guest list and what guests see", () => {
  it("lists every answer by kind with notes and places — for the host only", async () => {
    const { host, guest, filler, party } = await guestIn("none", { free: 2, waitlist: true, guestListHidden: true });
    ok(await answerParty(party.id, guest.id, { response: "going", plusOnes: 1, note: "Bringing wine, and cheese" }));
    const [m, d, w] = [await makeUser(), await makeUser(), await makeUser()];
    ok(await answerParty(party.id, m.id, { response: "maybe", note: "=1+1" }));
    ok(await answerParty(party.id, d.id, { response: "declined" }));
    ok(await answerParty(party.id, w.id, { response: "going" }));
    const list = await listGuests(party.id, host.id);
    assert.deepEqual(
      list?.map((g) => [g.username, g.response, g.plusOnes, g.note, g.position]),
      [
        [host.username, "going", 0, "", null],
        [filler.username, "going", 0, "", null],
        [guest.username, "going", 1, "Bringing wine, and cheese", null],
        [m.username, "maybe", 0, "=1+1", null],
        [d.username, "declined", 0, "", null],
        [w.username, "waitlisted", 0, "", 1],
      ],
    );
    assert.equal(await listGuests(party.id, guest.id), null);
    // The host hid the list: a guest sees counts and their own answer, never others' names or notes.
    const seen = await findParty(party.id, m.id);
    assert.deepEqual(seen?.guests, []);
    assert.deepEqual(seen?.maybe, []);
    assert.deepEqual(seen?.counts, { going: 3, maybe: 1, declined: 1, waitlisted: 1 });
    assert.equal(seen?.mine?.note, "=1+1");
    const hostView = await findParty(party.id, host.id);
    assert.equal(hostView?.guests.length, 3);
    assert.equal(hostView?.mine?.note, "");
    // Shown: going and maybe names, never notes of others.
    assert.deepEqual(await updateParty(party.id, host.id, { guestListHidden: false }), { status: "ok" });
    const open = await findParty(party.id, d.id);
    assert.deepEqual(
      open?.maybe.map((g) => g.username),
      [m.username],
    );
    assert.equal(open?.guests.find((g) => g.username === guest.username)?.plusOnes, 1);
    assert.equal(open?.mine?.response, "declined");
  });
});

describe("the deadline on the party", () => {
  it("must come before the start, and a new one must be ahead; an old one may stay", async () => {
    const host = await makeUser();
    const startsAt = new Date(Date.now() + 7 * DAY);
    const party = await makeParty(host.id, { startsAt, rsvpBy: new Date(Date.now() + DAY) });
    assert.deepEqual(await updateParty(party.id, host.id, { rsvpBy: new Date(startsAt.getTime() + 1) }), {
      status: "rsvp_by_after_start",
    });
    assert.deepEqual(await updateParty(party.id, host.id, { startsAt: new Date(Date.now() + DAY / 2) }), {
      status: "rsvp_by_after_start",
    });
    const later = new Date(Date.now() + 2 * DAY);
    assert.deepEqual(await updateParty(party.id, host.id, { rsvpBy: new Date(Date.now() - 1000) }), {
      status: "rsvp_by_past",
    });
    // After the deadline passed, saving the form sends the same deadline back: accepted.
    const kept = party.rsvpBy!;
    assert.deepEqual(await updateParty(party.id, host.id, { rsvpBy: kept, venue: "Elsewhere" }, later), {
      status: "ok",
    });
    assert.deepEqual(await updateParty(party.id, host.id, { rsvpBy: null }), { status: "ok" });
    assert.equal((await findParty(party.id, host.id))?.rsvpBy, null);
  });
});
