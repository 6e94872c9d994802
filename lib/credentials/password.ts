import "server-only";
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { config } from "@/lib/env";

// bcrypt reads only the first 72 bytes of its input, so a long passphrase would
// be cut silently. Every password is first reduced to a fixed 44-character
// SHA-256 digest (base64, no NUL bytes), and that goes to bcrypt: every
// character counts, whatever the length. Unicode is normalised (NFKC, as NIST
// SP 800-63B asks) so the same passphrase typed on another keyboard matches.
function prehash(password: string): string {
  return createHash("sha256").update(password.normalize("NFKC"), "utf8").digest("base64");
}

export function hashPassword(password: string, cost = config().bcryptCost): Promise<string> {
  return bcrypt.hash(prehash(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compare against a hash of the configured cost when the account does not
 * exist, so "no such email" costs the same time as "wrong password".
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  await bcrypt.compare(prehash(password), await dummyHash);
  return false;
}

/** The work factor stored in a hash, e.g. 10 for "$2b$10$…". */
export function hashCost(hash: string): number {
  return bcrypt.getRounds(hash);
}
