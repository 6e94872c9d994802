import "server-only";
import type { Tx } from "@/lib/db";
import { notifyPartyDeleted } from "@/lib/notifications/mutations";
import { leaveLocked } from "./answers";
import { lockParty } from "./seats";

/**
 * A host's account is going away (lib/users/mutations.ts, in its
 * transaction): the guests of each upcoming party of theirs hear that it is
 * cancelled before the parties go with the account.
 */
export async function cancelHostedParties(tx: Tx, hostId: string, now = new Date()): Promise<void> {
  const rows = await tx.dinnerParty.findMany({
    where: { hostId, startsAt: { gt: now } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of rows) await notifyPartyDeleted(tx, id);
}

/**
 * An account is going away (lib/users/mutations.ts, in its transaction): its
 * answers to other people's parties are removed one party at a time, under
 * each party's lock, so their seats go to those waitlists.
 */
export async function leaveEveryParty(tx: Tx, userId: string): Promise<void> {
  const rows = await tx.attendance.findMany({
    where: { userId, party: { hostId: { not: userId } } },
    select: { partyId: true },
    orderBy: { partyId: "asc" },
  });
  for (const { partyId } of rows) {
    // Their own answers make each party visible to them (a removed guest's are skipped by leaveLocked anyway).
    const party = await lockParty(tx, partyId, { viewer: userId });
    if (party) await leaveLocked(tx, partyId, userId, party);
  }
}
