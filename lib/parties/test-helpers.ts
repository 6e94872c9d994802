// Shared by the parties unit tests: accounts and parties straight in the database.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createParty } from "./mutations";

export async function makeUser(prefix = "p") {
  const id = randomBytes(5).toString("hex");
  return db.user.create({
    data: { username: `${prefix}_${id}`, email: `${prefix}.${id}@example.test`, passwordHash: "x" },
    select: { id: true, username: true },
  });
}

export async function makeParty(
  hostId: string,
  overrides: Partial<{ seats: number; startsAt: Date; venue: string }> = {},
) {
  return createParty(hostId, {
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    venue: `Venue ${randomBytes(3).toString("hex")}`,
    mainDish: "Stew",
    seats: 6,
    ...overrides,
  });
}
