import "server-only";
import { makeToken, tokenId, tokenMatches } from "@/lib/tokens";
import { NOTIFICATION_KINDS, type NotificationKind } from "./schema";

// The unsubscribe token signs "{userId}:{kind}" with a fixed secret: it names nothing else,
// works without a session, and stays valid as long as the account (turning a kind back on is in /settings).
const UNSUBSCRIBE_SECRET = "v1";

export function unsubscribeToken(userId: string, kind: NotificationKind): string {
  return makeToken("unsubscribe", `${userId}:${kind}`, UNSUBSCRIBE_SECRET);
}

/** Who a token unsubscribes from what, or null when it is not a token of ours. */
export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  const id = tokenId(token);
  const [userId, kind, ...rest] = id?.split(":") ?? [];
  if (!id || !userId || rest.length || !NOTIFICATION_KINDS.includes(kind as NotificationKind)) return null;
  return tokenMatches("unsubscribe", token, id, UNSUBSCRIBE_SECRET) ? { userId, kind: kind as NotificationKind } : null;
}
