import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { hostRefusal } from "@/lib/party-access/data";
import { partyOfInvitation } from "./data";
import { makeToken, newTokenSecret } from "@/lib/tokens";

export type ResetResult = { status: "ok"; token: string } | { status: "not_found" } | { status: "forbidden" };

/** "Reset link": a new secret, so the old link answers 404 from the next request on. Host only. */
export async function resetInvitation(partyId: number, hostId: string): Promise<ResetResult> {
  const secret = newTokenSecret();
  const { count } = await db.dinnerParty.updateMany({ where: { id: partyId, hostId }, data: { inviteSecret: secret } });
  if (count === 1) return { status: "ok", token: makeToken("invitation", String(partyId), secret) };
  // Someone else's party they may see is forbidden; one they may not see is missing (the visibility rule).
  return hostRefusal(partyId, hostId);
}

export type VisitResult = { status: "ok"; partyId: number } | { status: "not_found" };

/** A logged-in person opened an invitation link: from now on they may see the party. */
export async function recordVisit(token: string, userId: string, now = new Date()): Promise<VisitResult> {
  const partyId = await partyOfInvitation(token);
  if (partyId === null) return { status: "not_found" };
  try {
    await db.partyVisit.upsert({
      where: { partyId_userId: { partyId, userId } },
      create: { partyId, userId, visitedAt: now },
      update: {},
      select: { partyId: true },
    });
  } catch (error) {
    // The same person opening the link twice at once: the first visit stands.
    if (!isUniqueViolation(error)) throw error;
  }
  return { status: "ok", partyId };
}
