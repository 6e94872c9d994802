import "server-only";
import { db } from "@/lib/db";
import { dropClaims } from "@/lib/dishes/mutations";
import { notifyPartyChanged, notifyPartyDeleted } from "@/lib/notifications/mutations";
import { hostRefusal } from "@/lib/party-access/data";
import type { PartyPatch } from "../schema";
import type { HostWrite, PartyWriteRefusal, RemoveGuestResult } from "../results";
import { freeSeats, lockParty, promoteWaitlist, readAnswer } from "./seats";

// The host's writes: edit, delete, remove a guest. Each locks the party for
// its host only (a non-host's write matches no row), then says why not.

export async function updateParty(
  id: number,
  hostId: string,
  patch: PartyPatch,
  now = new Date(),
): Promise<HostWrite | PartyWriteRefusal> {
  return db.$transaction(async (tx): Promise<HostWrite | PartyWriteRefusal> => {
    const party = await lockParty(tx, id, { host: hostId });
    if (!party) return hostRefusal(id, hostId, tx);
    if (patch.seats !== undefined && patch.seats < party.seatsTaken)
      return { status: "seats_below_attendees", seatsTaken: party.seatsTaken };
    const startsAt = patch.startsAt ?? party.startsAt;
    const rsvpBy = patch.rsvpBy !== undefined ? patch.rsvpBy : party.rsvpBy;
    if (rsvpBy && rsvpBy >= startsAt) return { status: "rsvp_by_after_start" };
    // A deadline already passed may stay (the edit form sends it back); a new one must be ahead.
    if (patch.rsvpBy && patch.rsvpBy.getTime() !== party.rsvpBy?.getTime() && patch.rsvpBy <= now)
      return { status: "rsvp_by_past" };
    // The revision is the calendar files' SEQUENCE: every saved change moves it.
    await tx.dinnerParty.update({
      where: { id },
      data: { ...patch, revision: { increment: 1 } },
      select: { id: true },
    });
    if (patch.seats !== undefined && patch.seats > party.seats)
      await promoteWaitlist(tx, id, patch.seats - party.seatsTaken);
    await notifyPartyChanged(tx, id, {
      date: patch.startsAt !== undefined && patch.startsAt.getTime() !== party.startsAt.getTime(),
      venue: patch.venue !== undefined && patch.venue !== party.venue,
    });
    return { status: "ok" };
  });
}

export async function deleteParty(id: number, hostId: string, now = new Date()): Promise<HostWrite> {
  return db.$transaction(async (tx): Promise<HostWrite> => {
    const party = await lockParty(tx, id, { host: hostId });
    if (!party) return hostRefusal(id, hostId, tx);
    // The guests hear of it from this transaction: a deletion that rolls back mails nobody.
    if (party.startsAt > now) await notifyPartyDeleted(tx, id);
    // Answers go with it (ON DELETE CASCADE).
    await tx.dinnerParty.delete({ where: { id }, select: { id: true } });
    return { status: "ok" };
  });
}

/** The host removes a guest: their seats are freed, the waitlist moves, and they cannot answer again. */
export async function removeGuest(partyId: number, hostId: string, username: string): Promise<RemoveGuestResult> {
  return db.$transaction(async (tx): Promise<RemoveGuestResult> => {
    const party = await lockParty(tx, partyId, { host: hostId });
    if (!party) return hostRefusal(partyId, hostId, tx);
    const guest = await tx.user.findUnique({ where: { username: username.toLowerCase() }, select: { id: true } });
    if (!guest) return { status: "not_a_guest" };
    if (guest.id === hostId) return { status: "host" };
    const answer = await readAnswer(tx, partyId, guest.id);
    if (!answer || answer.response === "removed") return { status: "not_a_guest" };
    await tx.attendance.update({
      where: { partyId_userId: { partyId, userId: guest.id } },
      data: { response: "removed", plusOnes: 0, queuePos: null },
    });
    if (answer.response === "going") {
      await dropClaims(tx, partyId, guest.id);
      const freed = 1 + answer.plusOnes;
      await freeSeats(tx, partyId, freed);
      await promoteWaitlist(tx, partyId, party.seats - party.seatsTaken + freed);
    }
    return { status: "ok" };
  });
}
