import "server-only";
import { randomBytes } from "node:crypto";
import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { db, rawDate, type RawScalar } from "@/lib/db";
import {
  cookieName,
  cookieOptions,
  FLASH_COOKIE,
  PAGE_PATH_HEADER,
  PAYLOAD_HEADER,
  PREFETCH_HEADER,
} from "@/server/shared.mjs";
import { isHttps } from "@/lib/http/request";

// One-shot messages that survive the redirect after an action. The message
// is stored in the database and the browser holds only its random id, so
// every app instance sees it and a server component can read it while
// rendering — server components cannot delete cookies, and a message kept in
// a cookie would come back on every page until one could.
//
// A message belongs to the page the action redirected to: other requests the
// browser makes meanwhile — a prefetch, another page, another tab — never see
// it. "Shown once" means once per page load (docs/decisions/020):
// - a full page load (the redirect of a form posted without JavaScript, a
//   reload) shows it only if nothing has yet;
// - with JavaScript, Next.js renders the redirect's page inside the action
//   (a server-side request of its own), and the router may fetch the same
//   page again to refresh it; those payload requests (RSC) for the same page
//   show it for a few seconds after the first, so the page the person ends up
//   looking at has it, whichever request drew it.

export type FlashKind = "success" | "error";
export type Flash = { kind: FlashKind; message: string };

const MAX_AGE_S = 120;
/** How long after its first showing a page's own payload requests still show a message. */
const SAME_VIEW_MS = 10_000;

/** The page a path names: what a request for it carries in PAGE_PATH_HEADER. */
function pageOf(to: string): string {
  return new URL(to, "http://dinnerparty.invalid").pathname;
}

/** Leave a message for the page at `to` (the redirect that follows). */
export async function setFlash(to: string, message: string, kind: FlashKind = "success"): Promise<void> {
  const id = randomBytes(16).toString("base64url");
  await db.flash.create({ data: { id, kind, message, path: pageOf(to) } });
  const https = await isHttps();
  (await cookies()).set(cookieName(FLASH_COOKIE, https), id, { ...cookieOptions(https), maxAge: MAX_AGE_S });
  sweep();
}

/** The end of most actions: a message, then the page it is for. */
export async function redirectWithFlash(to: string, message: string, kind: FlashKind = "success"): Promise<never> {
  await setFlash(to, message, kind);
  redirect(to);
}

/** The pending message for this page, if this request is the page's view of it. */
export async function takeFlash(): Promise<Flash | null> {
  const id = (await cookies()).get(cookieName(FLASH_COOKIE, await isHttps()))?.value;
  if (!id || id.length > 64) return null;
  const h = await headers();
  // A prefetch is not a visit: leave the message for the page actually shown.
  if (h.get(PREFETCH_HEADER)) return null;
  const rows = await db.$queryRaw<{ kind: string; message: string; path: string | null; shownAt: RawScalar }[]>`
    SELECT "kind", "message", "path", "shownAt" FROM "Flash" WHERE "id" = ${id}`;
  const row = rows[0];
  if (!row || (row.path !== null && row.path !== h.get(PAGE_PATH_HEADER))) return null;
  const flash: Flash = { kind: row.kind === "error" ? "error" : "success", message: row.message };
  const now = new Date();
  let shownAt = row.shownAt === null ? null : rawDate(row.shownAt);
  if (shownAt === null) {
    // One request is the first to show it, however many race here.
    const claimed = await db.$executeRaw`
      UPDATE "Flash" SET "shownAt" = ${now} WHERE "id" = ${id} AND "shownAt" IS NULL`;
    if (claimed === 1) return flash;
    shownAt = now;
  }
  const payload = h.get(PAYLOAD_HEADER) === "1";
  return payload && now.getTime() - shownAt.getTime() < SAME_VIEW_MS ? flash : null;
}

let lastSweep = 0;

/** Messages expire with their cookie, shown or not. */
function sweep() {
  const now = Date.now();
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  db.flash.deleteMany({ where: { createdAt: { lt: new Date(now - MAX_AGE_S * 1000) } } }).catch(() => {});
}
