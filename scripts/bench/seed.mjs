// Seed a fresh SQLite database for the benchmark, straight into the tables
// (going through the API would spend most of the time hashing passwords):
// `users` people sharing one password, `parties` upcoming parties spread
// over a year, and `rsvps` guests on top of each party's host.
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";

export const BENCH_PASSWORD = "a long dinner with good friends";

function prehash(password) {
  return createHash("sha256").update(password.normalize("NFKC"), "utf8").digest("base64");
}

const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

/** @returns the users' ids and usernames, and the parties' ids */
export async function seedSqlite(file, { users, parties, rsvps, cost = 10, seats = 100 }) {
  const db = new Database(file);
  const hash = await bcrypt.hash(prehash(BENCH_PASSWORD), cost);
  const now = Date.now();
  const people = Array.from({ length: users }, (_, i) => ({
    id: `bu${randomBytes(10).toString("hex")}`,
    username: `bench_${String(i + 1).padStart(5, "0")}`,
  }));
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id", "username", "email", "passwordHash", "joinedAt") VALUES (?, ?, ?, ?, ?)`,
  );
  const insertParty = db.prepare(
    `INSERT INTO "DinnerParty" ("hostId", "startsAt", "venue", "mainDish", "seats", "seatsTaken", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttendance = db.prepare(`INSERT INTO "Attendance" ("partyId", "userId", "createdAt") VALUES (?, ?, ?)`);
  const dishes = ["Lasagna", "Paella", "Ramen", "Tagine", "Risotto", "Curry", "Pho", "Goulash"];
  const partyIds = [];
  /** partyId → ids of the people already at the table */
  const attending = new Map();
  db.transaction(() => {
    for (const p of people) insertUser.run(p.id, p.username, `${p.username}@bench.example`, hash, iso(now));
    // Guests per party: rsvps spread evenly, the remainder on the first parties.
    const base = Math.floor(rsvps / parties);
    let extra = rsvps - base * parties;
    for (let i = 0; i < parties; i++) {
      const host = people[i % users];
      const guests = base + (extra-- > 0 ? 1 : 0);
      const startsAt = now + 86_400_000 * (1 + (i * 365) / parties) + (i % 7) * 3_600_000;
      const { lastInsertRowid } = insertParty.run(
        host.id,
        iso(startsAt),
        `Venue ${i + 1}`,
        dishes[i % dishes.length],
        seats,
        1 + guests,
        iso(now),
        iso(now),
      );
      const id = Number(lastInsertRowid);
      partyIds.push(id);
      insertAttendance.run(id, host.id, iso(now));
      const taken = new Set([host.id]);
      for (let k = 1; taken.size <= guests; k++) {
        const guest = people[(i * 31 + k * 7919) % users];
        if (taken.has(guest.id)) continue;
        taken.add(guest.id);
        insertAttendance.run(id, guest.id, iso(now + k));
      }
      attending.set(id, taken);
    }
  })();
  db.close();
  return { people, partyIds, attending };
}
