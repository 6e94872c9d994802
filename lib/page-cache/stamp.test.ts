import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSession } from "@/lib/sessions/mutations";
import { db } from "@/lib/db";
import { invitationTokenFor } from "@/lib/invitations/data";
import { recordVisit } from "@/lib/invitations/mutations";
import { cancelRsvp, deleteParty, rsvpGoing, updateParty } from "@/lib/parties/mutations";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { signedInPageStamp } from "./stamp";

// Runs on SQLite and on PostgreSQL: the triggers are written once per provider.

async function stampOf(token: string) {
  const stamp = await signedInPageStamp(token);
  assert.ok(stamp, "a live session has a stamp");
  const [userId, version] = stamp.stamp.split(" ");
  return { userId, version: BigInt(version!) };
}

describe("signed-in page stamp", () => {
  it("names the user of a live session, and nothing for an unknown or ended one", async () => {
    const user = await makeUser("stamp");
    const { token } = await createSession(user.id, { persistent: false });
    assert.equal((await stampOf(token)).userId, user.id);
    assert.equal(await signedInPageStamp("not-a-session"), null);
    await db.session.deleteMany({ where: { userId: user.id } });
    assert.equal(await signedInPageStamp(token), null);
  });

  it("ends when the next party starts, so a kept list never shows a party that has begun", async () => {
    const host = await makeUser("stamp");
    const { token } = await createSession(host.id, { persistent: false });
    const soon = new Date(Date.now() + 60_000);
    await makeParty(host.id, { startsAt: soon });
    const { until } = (await signedInPageStamp(token))!;
    assert.ok(until !== null && until > Date.now() && until <= soon.getTime(), `until ${until}`);
    // A party that has started already does not hold a copy back.
    const started = await db.dinnerParty.findFirst({ where: { startsAt: { lte: new Date() } } });
    if (started) assert.ok(until > started.startsAt.getTime());
  });

  it("moves with every change to users, parties, guests and invitation visits, cascades included", async () => {
    const host = await makeUser("stamp");
    const guest = await makeUser("stamp");
    const { token } = await createSession(host.id, { persistent: false });
    let party: Awaited<ReturnType<typeof makeParty>> | null = null;
    const steps: [string, () => Promise<unknown>][] = [
      ["a party is hosted", async () => (party = await makeParty(host.id))],
      ["a guest RSVPs", () => rsvpGoing(party!.id, guest.id)],
      ["a guest cancels", () => cancelRsvp(party!.id, guest.id)],
      ["the host edits the party", () => updateParty(party!.id, host.id, { venue: "The garden" })],
      [
        "someone opens the invitation link",
        async () => recordVisit((await invitationTokenFor(party!.id, host.id))!, guest.id),
      ],
      ["an account changes", () => db.user.update({ where: { id: guest.id }, data: { passwordHash: "y" } })],
      ["the host deletes the party", () => deleteParty(party!.id, host.id)],
      ["a user joins", () => makeUser("stamp")],
    ];
    let before = (await stampOf(token)).version;
    for (const [change, make] of steps) {
      await make();
      const after = (await stampOf(token)).version;
      assert.ok(after > before, change);
      before = after;
    }

    // An account deleted with its parties and RSVPs: each row the cascade
    // removes moves the version (the deleted user's own session is gone too,
    // so read it through another one).
    const other = await makeUser("stamp");
    const { token: otherToken } = await createSession(other.id, { persistent: false });
    const hosted = await makeParty(guest.id);
    await rsvpGoing(hosted.id, other.id);
    const beforeDelete = (await stampOf(otherToken)).version;
    await db.user.delete({ where: { id: guest.id } });
    // guest's user row, their party, its two attendance rows (guest, other)
    assert.ok((await stampOf(otherToken)).version >= beforeDelete + 4n);
  });
});
