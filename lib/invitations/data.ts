import "server-only";
import { db, rawBool, rawDate, type RawScalar } from "@/lib/db";
import { partyTitle } from "@/lib/party-access/data";
import { makeToken, tokenId, tokenMatches } from "@/lib/tokens";

// Reads of invitation links. A token names its party (lib/tokens.ts):
// one indexed read, then the MAC, whether or not the party exists, so a wrong
// token, a reset one and one for a missing party all answer alike.

/** What an invitation shows before anyone logs in (GET /api/invites/{token}). */
export type InvitationPreview = {
  id: number;
  title: string;
  host: { username: string };
  startsAt: Date;
  /** people going, the host included */
  going: number;
  /** only for a listed party whose venue is not hidden */
  venue: string | null;
};

/** The party id a token opens, or null (wrong, reset, or no such party). */
export async function partyOfInvitation(token: string): Promise<number | null> {
  const id = tokenId(token);
  const partyId = id !== null && /^[1-9]\d{0,9}$/.test(id) ? Number(id) : null;
  const rows =
    partyId === null || partyId > 2_147_483_647
      ? []
      : await db.$queryRaw<{ inviteSecret: string }[]>`
          SELECT "inviteSecret" FROM "DinnerParty" WHERE "id" = ${partyId}`;
  const secret = rows[0]?.inviteSecret ?? "";
  return partyId !== null && tokenMatches("invitation", token, String(partyId), secret) ? partyId : null;
}

/** The logged-out preview of an invitation, or null for a token that opens nothing. */
export async function invitationPreview(token: string): Promise<InvitationPreview | null> {
  const partyId = await partyOfInvitation(token);
  if (partyId === null) return null;
  const rows = await db.$queryRaw<
    {
      title: string | null;
      venue: string;
      venueHidden: RawScalar | boolean;
      visibility: string;
      startsAt: RawScalar;
      hostUsername: string;
      going: RawScalar;
    }[]
  >`
    SELECT p."title", p."venue", p."venueHidden", p."visibility", p."startsAt", h."username" AS "hostUsername",
           (SELECT COUNT(*) FROM "Attendance" a WHERE a."partyId" = p."id" AND a."response" = 'going') AS "going"
    FROM "DinnerParty" p JOIN "User" h ON h."id" = p."hostId"
    WHERE p."id" = ${partyId}`;
  const p = rows[0];
  if (!p) return null;
  const venue = p.visibility === "listed" && !rawBool(p.venueHidden) ? p.venue : null;
  return {
    id: partyId,
    title: partyTitle(p.title, venue, p.hostUsername),
    host: { username: p.hostUsername },
    startsAt: rawDate(p.startsAt),
    going: Number(p.going),
    venue,
  };
}

/** The current invitation token of a party, for its host only (null otherwise). */
export async function invitationTokenFor(partyId: number, hostId: string): Promise<string | null> {
  const party = await db.dinnerParty.findFirst({ where: { id: partyId, hostId }, select: { inviteSecret: true } });
  return party?.inviteSecret ? makeToken("invitation", String(partyId), party.inviteSecret) : null;
}
