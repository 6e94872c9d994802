// Seed a fresh SQLite database for the benchmark, straight into the tables
// (going through the API would spend most of the time hashing passwords):
// `users` people sharing one password, `parties` upcoming parties spread
// over a year, and `rsvps` guests on top of each party's host; then
// `waitlistParties` small parties with plus-ones and a waitlist, a year out so
// that the Part 1 lists (the soonest parties) read the same rows as before;
// then `inviteOnlyParties` invite-only parties with a hidden venue, hosted by
// the first people, further out still, each with a few visitors. Every row
// gets its random token secret, as the app writes it.
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";

export const BENCH_PASSWORD = "a long dinner with good friends";

function prehash(password) {
  return createHash("sha256").update(password.normalize("NFKC"), "utf8").digest("base64");
}

const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

/** @returns the users' ids and usernames, and the parties' ids */
export async function seedSqlite(
  file,
  { users, parties, rsvps, cost = 10, seats = 100, waitlistParties = 0, inviteOnlyParties = 0 },
) {
  const db = new Database(file);
  const hash = await bcrypt.hash(prehash(BENCH_PASSWORD), cost);
  const now = Date.now();
  const people = Array.from({ length: users }, (_, i) => ({
    id: `bu${randomBytes(10).toString("hex")}`,
    username: `bench_${String(i + 1).padStart(5, "0")}`,
  }));
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id", "username", "email", "passwordHash", "joinedAt", "calendarSecret") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const secret = () => randomBytes(24).toString("base64url");
  const insertParty = db.prepare(
    `INSERT INTO "DinnerParty" ("hostId", "startsAt", "venue", "mainDish", "seats", "seatsTaken", "createdAt", "updatedAt", "inviteSecret")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInviteOnlyParty = db.prepare(
    `INSERT INTO "DinnerParty" ("hostId", "startsAt", "venue", "mainDish", "seats", "seatsTaken", "title", "details", "visibility", "venueHidden", "createdAt", "updatedAt", "inviteSecret")
     VALUES (?, ?, ?, ?, 12, 1, ?, ?, 'invite-only', 1, ?, ?, ?)`,
  );
  const insertVisit = db.prepare(`INSERT INTO "PartyVisit" ("partyId", "userId", "visitedAt") VALUES (?, ?, ?)`);
  const insertWaitlistParty = db.prepare(
    `INSERT INTO "DinnerParty" ("hostId", "startsAt", "venue", "mainDish", "seats", "seatsTaken", "plusOnesAllowed", "waitlist", "createdAt", "updatedAt", "inviteSecret")
     VALUES (?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?)`,
  );
  const insertAttendance = db.prepare(`INSERT INTO "Attendance" ("partyId", "userId", "createdAt") VALUES (?, ?, ?)`);
  const dishes = ["Lasagna", "Paella", "Ramen", "Tagine", "Risotto", "Curry", "Pho", "Goulash"];
  const partyIds = [];
  const waitlistPartyIds = [];
  /** invite-only parties and the index (in `people`) of each one's host */
  const inviteOnly = [];
  /** partyId → ids of the people already at the table */
  const attending = new Map();
  db.transaction(() => {
    for (const p of people) insertUser.run(p.id, p.username, `${p.username}@bench.example`, hash, iso(now), secret());
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
        secret(),
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
    for (let i = 0; i < waitlistParties; i++) {
      const host = people[(i * 13) % users];
      const startsAt = now + 86_400_000 * (400 + i);
      const { lastInsertRowid } = insertWaitlistParty.run(
        host.id,
        iso(startsAt),
        `Small table ${i + 1}`,
        dishes[i % dishes.length],
        WAITLIST_PARTY.seats,
        WAITLIST_PARTY.plusOnesAllowed,
        iso(now),
        iso(now),
        secret(),
      );
      const id = Number(lastInsertRowid);
      waitlistPartyIds.push(id);
      insertAttendance.run(id, host.id, iso(now));
      attending.set(id, new Set([host.id]));
    }
    for (let i = 0; i < inviteOnlyParties; i++) {
      const host = people[i % users];
      const { lastInsertRowid } = insertInviteOnlyParty.run(
        host.id,
        iso(now + 86_400_000 * (600 + i)),
        `${i + 1} Quiet Lane`,
        dishes[i % dishes.length],
        `Supper club ${i + 1}`,
        "Ring twice; the door code comes with the venue.",
        iso(now),
        iso(now),
        secret(),
      );
      const id = Number(lastInsertRowid);
      inviteOnly.push({ id, host: i % users });
      insertAttendance.run(id, host.id, iso(now));
      for (let k = 1; k <= 5; k++) insertVisit.run(id, people[(i + k * 17) % users].id, iso(now));
      attending.set(id, new Set([host.id]));
    }
    // The app keeps no record of promotions (a promoted guest is simply going),
    // so the benchmark counts them with a trigger of its own.
    db.exec(`
      CREATE TABLE "BenchPromotions" ("n" INTEGER NOT NULL);
      INSERT INTO "BenchPromotions" VALUES (0);
      CREATE TRIGGER "bench_promotion" AFTER UPDATE OF "response" ON "Attendance"
      WHEN OLD."response" = 'waitlisted' AND NEW."response" = 'going'
      BEGIN UPDATE "BenchPromotions" SET "n" = "n" + 1; END;`);
  })();
  db.close();
  return { people, partyIds, waitlistPartyIds, inviteOnly, attending };
}

/** The shape of the benchmark's waitlist parties: a small table that fills fast. */
export const WAITLIST_PARTY = { seats: 8, plusOnesAllowed: 2 };

/** Promotions from the waitlist so far. */
export function promotions(file) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT "n" FROM "BenchPromotions"`).get().n;
  } finally {
    db.close();
  }
}

/**
 * Issue 14's invariants over every party, read straight from the database:
 * seatsTaken = Σ going (1 + plus-ones) ≤ seats; a place in the queue exactly
 * for the waitlisted; nobody waitlisted while a seat that fits them is free.
 * @returns the parties that break one, with what is wrong (empty when all hold)
 */
export function answerInvariantViolations(file) {
  const db = new Database(file, { readonly: true });
  try {
    const broken = [];
    const parties = db
      .prepare(
        `SELECT p."id", p."seats", p."seatsTaken",
           COALESCE(SUM(CASE WHEN a."response" = 'going' THEN 1 + a."plusOnes" END), 0) AS "going",
           COALESCE(MIN(CASE WHEN a."response" = 'waitlisted' THEN 1 + a."plusOnes" END), 0) AS "smallestWaiting",
           SUM(CASE WHEN (a."response" = 'waitlisted') <> (a."queuePos" IS NOT NULL) THEN 1 ELSE 0 END) AS "badQueue"
         FROM "DinnerParty" p LEFT JOIN "Attendance" a ON a."partyId" = p."id"
         GROUP BY p."id"`,
      )
      .all();
    for (const p of parties) {
      const free = p.seats - p.seatsTaken;
      if (p.seatsTaken !== p.going) broken.push(`party ${p.id}: seatsTaken ${p.seatsTaken} ≠ ${p.going} going`);
      if (free < 0) broken.push(`party ${p.id}: ${p.seatsTaken} taken of ${p.seats}`);
      if (p.badQueue) broken.push(`party ${p.id}: ${p.badQueue} queue places out of step with the answer`);
      if (p.smallestWaiting && p.smallestWaiting <= free)
        broken.push(`party ${p.id}: someone needing ${p.smallestWaiting} waits with ${free} free`);
    }
    return broken;
  } finally {
    db.close();
  }
}

/** Turn every account's "Someone answers my party's invitation" mails on or off (the server keeps running). */
export function setAnswerMails(file, on) {
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.prepare(`UPDATE "User" SET "notifyRsvps" = ?`).run(on ? 1 : 0);
  } finally {
    db.close();
  }
}

/**
 * "What to bring" for the dish-claim scenario: for each (going person, party)
 * of `userIds`, items enough that every claim has room — each item wants 20,
 * and no more than 20 of the people go to one party's item. Written straight
 * into the database while the server runs (WAL: it reads on).
 * @returns the (userId, partyId, dishId) claims to make, each once
 */
export function seedDishes(file, userIds, perParty = 3) {
  const db = new Database(file, { timeout: 10_000 });
  try {
    const going = db
      .prepare(
        `SELECT a."partyId", a."userId" FROM "Attendance" a JOIN "DinnerParty" p ON p."id" = a."partyId"
         WHERE a."response" = 'going' AND a."userId" IN (${userIds.map(() => "?").join(",")})
         ORDER BY a."partyId", a."userId"`,
      )
      .all(...userIds);
    const byParty = new Map();
    for (const g of going) byParty.set(g.partyId, [...(byParty.get(g.partyId) ?? []), g.userId]);
    const add = db.prepare(
      `INSERT INTO "Dish" ("partyId", "name", "quantity", "claimed", "createdAt") VALUES (?, ?, 20, 0, ?)`,
    );
    const claims = [];
    db.transaction(() => {
      for (const [partyId, users] of byParty) {
        for (let d = 0; d < perParty; d++) {
          const dishId = Number(add.run(partyId, `Dish ${d + 1}`, iso(Date.now())).lastInsertRowid);
          for (const userId of users.slice(0, 20)) claims.push({ userId, partyId, dishId });
        }
      }
    })();
    return claims;
  } finally {
    db.close();
  }
}

/** Issue 17's invariant over every item: claimed = its claims ≤ how many; every claimer going. */
export function dishInvariantViolations(file) {
  const db = new Database(file, { readonly: true });
  try {
    const broken = db
      .prepare(
        `SELECT d."id", d."quantity", d."claimed", COUNT(c."userId") AS "n",
                SUM(CASE WHEN a."response" IS NOT 'going' AND c."userId" IS NOT NULL THEN 1 ELSE 0 END) AS "strays"
         FROM "Dish" d LEFT JOIN "DishClaim" c ON c."dishId" = d."id"
           LEFT JOIN "Attendance" a ON a."partyId" = c."partyId" AND a."userId" = c."userId"
         GROUP BY d."id" HAVING d."claimed" <> COUNT(c."userId") OR d."claimed" > d."quantity" OR "strays" > 0`,
      )
      .all();
    return broken.map(
      (d) => `dish ${d.id}: claimed ${d.claimed}, ${d.n} claims of ${d.quantity}, ${d.strays} by guests not going`,
    );
  } finally {
    db.close();
  }
}
