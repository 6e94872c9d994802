import "server-only";
import { db } from "@/lib/db";
import { makeToken, tokenId, tokenMatches } from "@/lib/tokens";
import { listCalendar } from "@/lib/parties/data";
import { partyEvent } from "./api";
import { renderCalendar } from "./ics";
import { feedName } from "./messages";

// The calendar feed's link: a capability like an invitation link
// (lib/tokens.ts), keyed to the person, granting read access to
// their feed and nothing else.

/** Whose feed a token opens, or null (wrong, reset, or no such account): one indexed read either way. */
export async function feedOwner(token: string): Promise<{ id: string; username: string } | null> {
  const id = tokenId(token);
  const user =
    id === null || id.length > 64
      ? null
      : await db.user.findUnique({ where: { id }, select: { id: true, username: true, calendarSecret: true } });
  if (!user || !tokenMatches("feed", token, user.id, user.calendarSecret)) return null;
  return { id: user.id, username: user.username };
}

/** The current feed token of a person, for their own /settings. */
export async function feedTokenFor(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { calendarSecret: true } });
  return user?.calendarSecret ? makeToken("feed", userId, user.calendarSecret) : null;
}

/** How far back the feed goes: a calendar keeps the recent past. */
const FEED_PAST_DAYS = 90;

/** The feed a token opens, as a text/calendar body (METHOD:PUBLISH), or null for a token that opens nothing. */
export async function feedFile(token: string, origin: string, now = new Date()): Promise<string | null> {
  const owner = await feedOwner(token);
  if (!owner) return null;
  const parties = await listCalendar(owner.id, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000));
  return renderCalendar({
    method: "PUBLISH",
    name: feedName(owner.username),
    events: parties.map((p) => partyEvent(p, origin)),
    now,
  });
}
