import "server-only";
import { db } from "@/lib/db";
import { hit, RATE_LIMITS, type Hit } from "@/lib/rate-limit/mutations";
import { newTokenSecret } from "@/lib/tokens";
import { findParty, type Party } from "../data";
import type { PartyInput } from "../schema";

// The parties' writes, one entry for every caller; each part is a file of
// this folder by what it does: ./host-writes.ts (edit, delete, remove a
// guest), ./answers.ts (answers, RSVPs, cancelling), ./account-deletion.ts,
// all through the party lock and the seat guard of ./seats.ts. Ownership is
// part of every `where` (a non-host's write matches no row), and the
// capacity guard is one conditional UPDATE (docs/decisions/009, 022).
export { deleteParty, removeGuest, updateParty } from "./host-writes";
export { answerParty, cancelRsvp, rsvpGoing } from "./answers";
export { cancelHostedParties, leaveEveryParty } from "./account-deletion";
export type { AnswerResult, AnswerWish, CancelResult, HostWrite, RemoveGuestResult, RsvpResult } from "../results";

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
    data: {
      ...input,
      hostId,
      seatsTaken: 1,
      inviteSecret: newTokenSecret(),
      attendances: { create: { userId: hostId, response: "going" } },
    },
    select: { id: true },
  });
  const party = await findParty(id, hostId);
  if (!party) throw new Error(`party ${id} vanished after it was created`);
  return party;
}
