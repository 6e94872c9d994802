import "server-only";
import { findSession } from "@/lib/auth/sessions";
import { db, type RawScalar } from "@/lib/db";

/**
 * What a signed-in page depends on besides the request itself: whose page it
 * is, and the content version (prisma/models.prisma, ContentVersion), which
 * database triggers move with every change to users, parties and guests in
 * the same transaction. server.mjs reuses a rendered page only while the
 * stamp it was rendered under still holds (lib/http/page-cache.mjs).
 *
 * Null when the token opens no live session: then the page is rendered as
 * usual (which sends the visitor to log in). Both reads start before the page
 * would render, so a copy is never filed under a version newer than its data.
 */
export async function signedInPageStamp(token: string): Promise<string | null> {
  const [session, rows] = await Promise.all([
    findSession(token),
    db.$queryRaw<{ value: RawScalar }[]>`SELECT "value" FROM "ContentVersion" WHERE "id" = 1`,
  ]);
  const version = rows[0]?.value;
  if (!session || version === undefined || version === null) return null;
  return `${session.user.id} ${String(version)}`;
}
