import "server-only";
import { contentVersion } from "@/lib/db/probes";
import { nextPartyStart } from "@/lib/parties/data";
import { findSession } from "@/lib/sessions/data";

/**
 * What a signed-in page depends on besides the request itself: whose page it
 * is, and the content version — and, as `until`, when the next party starts,
 * since time alone then changes the list without any write. The server's page
 * cache (server/page-cache.mjs) reuses a rendered page only while the stamp it
 * was rendered under still holds and `until` has not come; instrumentation.ts
 * hands this function over through server/bridge.mjs.
 *
 * Null when the token opens no live session: then the page is rendered as
 * usual (which sends the visitor to log in). All reads start before the page
 * would render, so a copy is never filed under a version newer than its data,
 * and the first party it lists starts no earlier than `until`.
 */
export async function signedInPageStamp(token: string): Promise<{ stamp: string; until: number | null } | null> {
  const [session, version, next] = await Promise.all([findSession(token), contentVersion(), nextPartyStart()]);
  if (!session || version === null) return null;
  return { stamp: `${session.user.id} ${version}`, until: next ? next.getTime() : null };
}
