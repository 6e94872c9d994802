import "server-only";
import { contentVersion } from "@/lib/db/probes";
import { findSession } from "./data";

/**
 * What a signed-in page depends on besides the request itself: whose page it
 * is, and the content version. The server's page cache (server/page-cache.mjs)
 * reuses a rendered page only while the stamp it was rendered under still
 * holds; instrumentation.ts hands this function over through server/bridge.mjs.
 *
 * Null when the token opens no live session: then the page is rendered as
 * usual (which sends the visitor to log in). Both reads start before the page
 * would render, so a copy is never filed under a version newer than its data.
 */
export async function signedInPageStamp(token: string): Promise<string | null> {
  const [session, version] = await Promise.all([findSession(token), contentVersion()]);
  if (!session || version === null) return null;
  return `${session.user.id} ${version}`;
}
