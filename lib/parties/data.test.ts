import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { onQuery } from "@/lib/db";
import { decodeCursor, encodeCursor, listAttending, listHostedBy, listUpcoming } from "./data";
import { deleteParty, rsvpGoing } from "./mutations";
import { makeParty, makeUser } from "./test-helpers";

let queries: string[] = [];
onQuery((sql) => queries.push(sql));

async function countQueries(fn: () => Promise<unknown>): Promise<number> {
  queries = [];
  await fn();
  return queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(q.trim())).length;
}

describe("party lists", () => {
  it("cost the same few queries whatever the number of parties and guests", async () => {
    const host = await makeUser("q");
    const guests = await Promise.all(Array.from({ length: 8 }, () => makeUser("qg")));
    const far = (n: number) => new Date(Date.now() + (400 + n) * 86_400_000);

    await makeParty(host.id, { startsAt: far(0) });
    const small = {
      upcoming: await countQueries(() => listUpcoming({ limit: 100, now: far(-1) })),
      hosted: await countQueries(() => listHostedBy(host.id)),
      attending: await countQueries(() => listAttending(host.id)),
    };

    for (let i = 1; i <= 30; i++) {
      const party = await makeParty(host.id, { startsAt: far(i), seats: 12 });
      for (const g of guests) await rsvpGoing(party.id, g.id);
    }
    const large = {
      upcoming: await countQueries(() => listUpcoming({ limit: 100, now: far(-1) })),
      hosted: await countQueries(() => listHostedBy(host.id)),
      attending: await countQueries(() => listAttending(host.id)),
    };
    assert.deepEqual(large, small);
    // One query for the parties and their hosts, one for their guests (none
    // when there are no parties); the profile page has two lists.
    assert.ok(
      small.upcoming <= 2 && small.attending <= 2 && small.hosted <= 4,
      `query counts ${JSON.stringify(small)}`,
    );
  });

  it("select only the fields shown (never a password hash)", async () => {
    await countQueries(() => listUpcoming({ limit: 5 }));
    assert.ok(queries.length > 0);
    for (const q of queries) assert.doesNotMatch(q, /passwordHash|"email"|`email`/);
  });

  it("page upcoming parties soonest first with a cursor, never repeating or skipping", async () => {
    const host = await makeUser("pg");
    const base = Date.now() + 900 * 86_400_000;
    const same = new Date(base + 86_400_000);
    // Several parties at the very same time: the id breaks the tie.
    const made: { id: number }[] = [];
    for (let i = 0; i < 7; i++)
      made.push(await makeParty(host.id, { startsAt: i < 4 ? same : new Date(base + (i + 2) * 86_400_000) }));
    const now = new Date(base);
    const seen: number[] = [];
    let cursor = null;
    do {
      const page: Awaited<ReturnType<typeof listUpcoming>> = await listUpcoming({ cursor, limit: 3, now });
      seen.push(...page.parties.map((p) => p.id));
      cursor = page.nextCursor ? decodeCursor(page.nextCursor) : null;
    } while (cursor);
    const mine = seen.filter((id) => made.some((p) => p.id === id));
    assert.deepEqual(
      mine,
      made.map((p) => p.id),
    );
    assert.equal(new Set(seen).size, seen.length);
  });

  it("leave out a party deleted while they are read, never show it with no one going", async () => {
    const host = await makeUser("del");
    const now = new Date(Date.now() + 1200 * 86_400_000);
    const wrong: string[] = [];
    for (let round = 0; round < 40; round++) {
      const party = await makeParty(host.id, { startsAt: new Date(now.getTime() + (round + 1) * 60_000) });
      // Lists started a little apart, so some read the party just before the delete and its answers just after.
      const later = (ms: number) => new Promise((r) => setTimeout(r, ms)).then(() => listUpcoming({ limit: 5, now }));
      const [, ...pages] = await Promise.all([deleteParty(party.id, host.id), ...[0, 1, 2, 3, 4].map(later)]);
      for (const p of pages.flatMap((page) => page.parties))
        if (p.counts.going < 1) wrong.push(`round ${round}: ${JSON.stringify(p.counts)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it("only lists parties that have not started", async () => {
    const host = await makeUser("past");
    const party = await makeParty(host.id, { startsAt: new Date(Date.now() + 60_000) });
    const later = new Date(Date.now() + 120_000);
    const { parties } = await listUpcoming({ limit: 100, now: later });
    assert.ok(!parties.some((p) => p.id === party.id));
    const hosted = await listHostedBy(host.id, later);
    assert.deepEqual(
      hosted.past.map((p) => p.id),
      [party.id],
    );
    assert.deepEqual(hosted.upcoming, []);
  });

  it("cursors round-trip and refuse garbage", () => {
    const c = { startsAt: new Date("2031-01-02T03:04:05.678Z"), id: 42 };
    assert.deepEqual(decodeCursor(encodeCursor(c)), c);
    for (const bad of ["", "%%%", "bm9wZQ", "x".repeat(100), Buffer.from("1.99999999999").toString("base64url")]) {
      assert.equal(decodeCursor(bad), null, bad);
    }
  });

  it("a cursor past the year 9999 names no party, and the last storable instant still pages", async () => {
    // 999999999999999 ms is the year 33658: valid in JavaScript, not in either database.
    assert.equal(decodeCursor("OTk5OTk5OTk5OTk5OTk5LjE"), null);
    assert.equal(decodeCursor(encodeCursor({ startsAt: new Date(Date.UTC(10000, 0, 1)), id: 1 })), null);
    const last = decodeCursor(encodeCursor({ startsAt: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), id: 1 }));
    assert.ok(last);
    assert.deepEqual((await listUpcoming({ cursor: last })).parties, []);
  });
});
