import { byTier } from "../lib/testing/tier";
import { apiLogin, expect, test } from "./fixtures";
import { sql } from "./support/db";
import { apiCreateParty, uniqueVenue } from "./support/parties";
import { apiPerson } from "./support/users";

// Never overbooked, nothing lost: many people press RSVP at the same moment,
// on a server with several worker processes sharing one database. The full
// tier races three rounds, the fast tier one.

test.describe.configure({ mode: "serial" });

/** `n` people logged in, each with a request context (and client address) of their own. */
async function people(n: number) {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const { api: ctx, user } = await apiPerson("racer");
      return { ctx, user };
    }),
  );
}

async function attendanceOf(partyId: number) {
  const rows = await sql<{ username: string }>(
    `SELECT u."username" FROM "Attendance" a JOIN "User" u ON u."id" = a."userId" WHERE a."partyId" = $1`,
    [partyId],
  );
  const [party] = await sql<{ seatsTaken: number }>(`SELECT "seatsTaken" FROM "DinnerParty" WHERE "id" = $1`, [
    partyId,
  ]);
  return { usernames: rows.map((r) => r.username).sort(), seatsTaken: Number(party!.seatsTaken) };
}

test(
  "60 simultaneous RSVPs for 9 free seats: exactly 9 get in, every round",
  { tag: "@smoke" },
  async ({ request, user }) => {
    test.setTimeout(240_000);
    await apiLogin(request, user);
    const racers = await people(60);

    for (let round = 1; round <= byTier(1, 3); round++) {
      const party = await apiCreateParty(request, { seats: 10, venue: uniqueVenue(`Race ${round}`) });
      const answers = await Promise.all(
        racers.map(async ({ ctx, user: racer }) => {
          const res = await ctx.post(`/api/parties/${party.id}/rsvp`);
          return { username: racer.username, status: res.status(), body: await res.text() };
        }),
      );
      const accepted = answers.filter((a) => a.status === 201);
      const full = answers.filter((a) => a.status === 409);
      expect(
        answers.filter((a) => a.status >= 500),
        `round ${round}: no server errors`,
      ).toEqual([]);
      expect(answers.map((a) => a.body).join("\n")).not.toMatch(/database is locked/i);
      expect(accepted, `round ${round}`).toHaveLength(9);
      expect(full, `round ${round}`).toHaveLength(51);
      for (const f of full) expect(JSON.parse(f.body)).toEqual({ message: "Sorry, this dinner party is full." });

      // What is stored is exactly what was answered.
      const stored = await attendanceOf(party.id);
      expect(stored.usernames).toEqual([user.username, ...accepted.map((a) => a.username)].sort());
      expect(stored.seatsTaken).toBe(10);
    }
    await Promise.all(racers.map(({ ctx }) => ctx.dispose()));
  },
);

test(
  "20 identical simultaneous RSVPs from one person store exactly one",
  { tag: "@smoke" },
  async ({ request, user }) => {
    await apiLogin(request, user);
    const [racer] = await people(1);
    const { ctx, user: guest } = racer!;
    const party = await apiCreateParty(request, { seats: 30 });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await ctx.post(`/api/parties/${party.id}/rsvp`)).status()),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const stored = await attendanceOf(party.id);
    expect(stored.usernames).toEqual([user.username, guest.username].sort());
    expect(stored.seatsTaken).toBe(2);
    await ctx.dispose();
  },
);
