import "server-only";
import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db";
import { cookieName, cookieOptions, FLASH_COOKIE, PREFETCH_HEADER } from "@/server/shared.mjs";
import { isHttps } from "@/lib/http/request";

// One-shot messages that survive the redirect after an action. The message
// is stored in the database and the browser holds only its random id, so
// every app instance sees it and a server component can consume it (delete
// the row) while rendering — server components cannot delete cookies, and a
// message kept in a cookie would come back on every page until one could.

export type FlashKind = "success" | "error";
export type Flash = { kind: FlashKind; message: string };

const MAX_AGE_S = 120;

export async function setFlash(message: string, kind: FlashKind = "success"): Promise<void> {
  const id = randomBytes(16).toString("base64url");
  await db.flash.create({ data: { id, kind, message } });
  const https = await isHttps();
  (await cookies()).set(cookieName(FLASH_COOKIE, https), id, { ...cookieOptions(https), maxAge: MAX_AGE_S });
  sweep();
}

/** The pending message for this browser, removed so it shows only once. */
export async function takeFlash(): Promise<Flash | null> {
  const id = (await cookies()).get(cookieName(FLASH_COOKIE, await isHttps()))?.value;
  if (!id || id.length > 64) return null;
  // A prefetch is not a visit: leave the message for the page actually shown.
  if ((await headers()).get(PREFETCH_HEADER)) return null;
  const rows = await db.$queryRaw<{ kind: string; message: string }[]>`
    DELETE FROM "Flash" WHERE "id" = ${id} RETURNING "kind", "message"`;
  const row = rows[0];
  if (!row) return null;
  return { kind: row.kind === "error" ? "error" : "success", message: row.message };
}

let lastSweep = 0;

/** Messages never shown (the browser went away) expire with their cookie. */
function sweep() {
  const now = Date.now();
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  db.flash.deleteMany({ where: { createdAt: { lt: new Date(now - MAX_AGE_S * 1000) } } }).catch(() => {});
}
