import "server-only";
import { db, rawDate, type RawScalar } from "@/lib/db";
import type { NotificationKind, NotificationPrefs } from "./schema";
import { readUnsubscribeToken } from "./tokens";

export async function getPreferences(userId: string): Promise<NotificationPrefs | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      notifyRsvps: true,
      notifySeatOpened: true,
      notifyPartyChanged: true,
      notifyReminders: true,
      notifyHostMessages: true,
    },
  });
  return u
    ? {
        rsvps: u.notifyRsvps,
        seatOpened: u.notifySeatOpened,
        partyChanged: u.notifyPartyChanged,
        reminders: u.notifyReminders,
        hostMessages: u.notifyHostMessages,
      }
    : null;
}

export type HostMessage = { id: string; body: string; sentTo: number; createdAt: Date };

/**
 * "Messages from the host", newest first — for the host and for the guests
 * they were written to (going, maybe, waitlisted), nobody else: a host may
 * write the door code. The condition is in the `where`, so a page cannot
 * show them to the wrong person by forgetting a check.
 */
export async function listHostMessages(partyId: number, viewerId: string | null, limit = 50): Promise<HostMessage[]> {
  if (viewerId === null) return [];
  const rows = await db.$queryRaw<{ id: string; body: string; sentTo: RawScalar; createdAt: RawScalar }[]>`
    SELECT m."id", m."body", m."sentTo", m."createdAt"
    FROM "PartyMessage" m JOIN "DinnerParty" p ON p."id" = m."partyId"
    WHERE m."partyId" = ${partyId}
      AND (p."hostId" = ${viewerId}
           OR EXISTS (SELECT 1 FROM "Attendance" a WHERE a."partyId" = p."id" AND a."userId" = ${viewerId}
                      AND a."response" IN ('going', 'maybe', 'waitlisted')))
    ORDER BY m."createdAt" DESC, m."id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, body: r.body, sentTo: Number(r.sentTo), createdAt: rawDate(r.createdAt) }));
}

/** What an unsubscribe link is about, and whether that kind is still on; null for a link that is not ours. */
export async function unsubscribeTarget(token: string): Promise<{ kind: NotificationKind; on: boolean } | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const prefs = await getPreferences(target.userId);
  return prefs ? { kind: target.kind, on: prefs[target.kind] } : null;
}
