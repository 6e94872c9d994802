import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { hit, RATE_LIMITS, type Hit } from "@/lib/rate-limit/mutations";
import { findParty, type Party } from "./data";
import type { PartyInput, PartyPatch } from "./schema";

// Writes. Ownership is part of every `where` (a non-host's write matches no
// row), and the capacity guard is one conditional UPDATE:
//   seatsTaken = seatsTaken + 1 WHERE id = ? AND seatsTaken < seats
// which both databases apply atomically — PostgreSQL re-checks the condition
// on the latest row version even at READ COMMITTED — so no number of
// simultaneous RSVPs can overbook a party.

// Write floods: per user, 30 new parties and 30 RSVP calls (RSVP or cancel)
// a minute. Counted before the write, shared by every instance.

export function partyCreationAllowed(userId: string): Promise<Hit> {
  return hit(`party:create:${userId}`, RATE_LIMITS.createPartyPerUser);
}

export function rsvpAllowed(userId: string): Promise<Hit> {
  return hit(`party:rsvp:${userId}`, RATE_LIMITS.rsvpPerUser);
}

export async function createParty(hostId: string, input: PartyInput): Promise<Party> {
  // One write: the party and the host's own place at the table.
  const { id } = await db.dinnerParty.create({
    data: { ...input, hostId, seatsTaken: 1, attendances: { create: { userId: hostId } } },
    select: { id: true },
  });
  const party = await findParty(id);
  if (!party) throw new Error(`party ${id} vanished after it was created`);
  return party;
}

type HostWrite = { status: "ok" } | { status: "not_found" } | { status: "forbidden" };

/** After a host-only write matched nothing: was the party missing, or someone else's? */
async function whyNot(id: number): Promise<{ status: "not_found" } | { status: "forbidden" }> {
  const exists = await db.dinnerParty.findUnique({ where: { id }, select: { id: true } });
  return exists ? { status: "forbidden" } : { status: "not_found" };
}

export async function updateParty(
  id: number,
  hostId: string,
  patch: PartyPatch,
): Promise<HostWrite | { status: "seats_below_attendees"; seatsTaken: number }> {
  const { count } = await db.dinnerParty.updateMany({
    where: { id, hostId, ...(patch.seats !== undefined && { seatsTaken: { lte: patch.seats } }) },
    data: patch,
  });
  if (count === 1) return { status: "ok" };
  const party = await db.dinnerParty.findUnique({ where: { id }, select: { hostId: true, seatsTaken: true } });
  if (!party) return { status: "not_found" };
  if (party.hostId !== hostId) return { status: "forbidden" };
  return { status: "seats_below_attendees", seatsTaken: party.seatsTaken };
}

export async function deleteParty(id: number, hostId: string): Promise<HostWrite> {
  // Attendances go with it (ON DELETE CASCADE).
  const { count } = await db.dinnerParty.deleteMany({ where: { id, hostId } });
  return count === 1 ? { status: "ok" } : whyNot(id);
}

export type RsvpResult =
  | { status: "ok"; hostUsername: string; startsAt: Date }
  | { status: "not_found" }
  | { status: "past" }
  | { status: "already" }
  | { status: "full" };

export async function rsvp(partyId: number, userId: string, now = new Date()): Promise<RsvpResult> {
  try {
    return await db.$transaction(async (tx): Promise<RsvpResult> => {
      const party = await tx.dinnerParty.findUnique({
        where: { id: partyId },
        select: { startsAt: true, host: { select: { username: true } } },
      });
      if (!party) return { status: "not_found" };
      if (party.startsAt <= now) return { status: "past" };
      const attending = await tx.attendance.findUnique({
        where: { partyId_userId: { partyId, userId } },
        select: { userId: true },
      });
      if (attending) return { status: "already" };
      // The guard: take a seat only if one is left, in one atomic statement.
      const seated = await tx.dinnerParty.updateMany({
        where: { id: partyId, seatsTaken: { lt: tx.dinnerParty.fields.seats } },
        data: { seatsTaken: { increment: 1 } },
      });
      if (seated.count === 0) return { status: "full" };
      await tx.attendance.create({ data: { partyId, userId } });
      return { status: "ok", hostUsername: party.host.username, startsAt: party.startsAt };
    });
  } catch (error) {
    // The same person's simultaneous RSVP committed first (PostgreSQL): the
    // primary key refused this one and the seat taken above was rolled back.
    if (isUniqueViolation(error)) return { status: "already" };
    throw error;
  }
}

export type CancelResult =
  { status: "ok" } | { status: "not_found" } | { status: "not_attending" } | { status: "host" };

export async function cancelRsvp(partyId: number, userId: string): Promise<CancelResult> {
  return db.$transaction(async (tx): Promise<CancelResult> => {
    const party = await tx.dinnerParty.findUnique({ where: { id: partyId }, select: { hostId: true } });
    if (!party) return { status: "not_found" };
    if (party.hostId === userId) return { status: "host" };
    const removed = await tx.attendance.deleteMany({ where: { partyId, userId } });
    if (removed.count === 0) return { status: "not_attending" };
    await tx.dinnerParty.update({ where: { id: partyId }, data: { seatsTaken: { decrement: 1 } } });
    return { status: "ok" };
  });
}
