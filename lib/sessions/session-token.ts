import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Server-side sessions. The cookie holds a random 256-bit token; the database
// holds only its SHA-256, so a leaked copy of the database opens no session.
// A session ends when its row is gone (logout, password change, account
// deletion) or at its absolute expiry, which is never extended.

export const PERSISTENT_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
export const BROWSER_SESSION_MS = 12 * 60 * 60 * 1000;
/** Live sessions an account may hold; a new login beyond it ends the oldest. */
export const MAX_SESSIONS_PER_ACCOUNT = 50;

/** Who is signed in: the only fields of the account pages and actions see. */
export type SessionUser = { id: string; username: string; email: string };

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
