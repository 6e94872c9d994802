// Shared by the parties unit tests: accounts and parties straight in the database.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { newTokenSecret } from "@/lib/tokens";
import { createParty } from "./mutations";
import type { PartyInput } from "./schema";

export async function makeUser(prefix = "p") {
  const id = randomBytes(5).toString("hex");
  return db.user.create({
    data: {
      username: `${prefix}_${id}`,
      email: `${prefix}.${id}@example.test`,
      passwordHash: "x",
      calendarSecret: newTokenSecret(),
    },
    select: { id: true, username: true },
  });
}

export async function makeParty(hostId: string, overrides: Partial<PartyInput> = {}) {
  return createParty(hostId, {
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    venue: `Venue ${randomBytes(3).toString("hex")}`,
    mainDish: "Stew",
    seats: 6,
    ...overrides,
  });
}

/**
 * The invariants of a party's answers, read straight from the tables:
 * seatsTaken = Σ going (1 + plusOnes) ≤ seats; nobody waitlisted whose party
 * fits the free seats; a waitlist place exactly while waitlisted, each once.
 * Returns what is wrong (empty when all hold).
 */
export async function answerInvariants(partyId: number): Promise<string[]> {
  const [party, rows] = await Promise.all([
    db.dinnerParty.findUniqueOrThrow({ where: { id: partyId }, select: { seats: true, seatsTaken: true } }),
    db.attendance.findMany({
      where: { partyId },
      select: { userId: true, response: true, plusOnes: true, queuePos: true },
    }),
  ]);
  const wrong: string[] = [];
  const taken = rows.filter((r) => r.response === "going").reduce((n, r) => n + 1 + r.plusOnes, 0);
  if (taken !== party.seatsTaken) wrong.push(`seatsTaken ${party.seatsTaken} but going people and plus-ones ${taken}`);
  if (party.seatsTaken > party.seats) wrong.push(`overbooked: ${party.seatsTaken} of ${party.seats}`);
  const free = party.seats - party.seatsTaken;
  for (const r of rows) {
    if (r.response === "waitlisted" && 1 + r.plusOnes <= free)
      wrong.push(`${r.userId} waits while ${free} seats are free`);
    if ((r.response === "waitlisted") !== (r.queuePos !== null))
      wrong.push(`${r.userId} ${r.response} with queuePos ${r.queuePos}`);
    if (!["going", "maybe", "declined", "waitlisted", "removed"].includes(r.response))
      wrong.push(`unknown ${r.response}`);
  }
  const places = rows.filter((r) => r.queuePos !== null).map((r) => r.queuePos);
  if (new Set(places).size !== places.length) wrong.push(`a waitlist place given twice: ${places.join(",")}`);
  return wrong;
}
