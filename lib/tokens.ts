import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/server/shared.mjs";

// Capability tokens: the invitation link of a party (/invite/{token}), a
// person's calendar feed (/calendar/{token}.ics) and the unsubscribe links of
// notification mails. A token is the row's id and
// an HMAC, keyed by AUTH_SECRET, of the id and a random per-row secret that
// "Reset link" replaces. So the database alone (id and secret, no key) yields
// no working token, the owner's page can always show the current one, and a
// reset kills the old one at once. The id inside lets a token be checked with
// one indexed read; it tells nothing the URLs do not (party ids are public).

/** Bytes of MAC in a token: 128 bits, the contract's minimum. */
const MAC_BYTES = 16;
const PURPOSES = {
  invitation: "dinnerparty invitation v1",
  feed: "dinnerparty calendar feed v1",
  // "{userId}:{kind}" with a fixed secret: the link names the user and the kind and nothing else (lib/notifications).
  unsubscribe: "dinnerparty unsubscribe v1",
} as const;
export type TokenPurpose = keyof typeof PURPOSES;

/** A new per-row secret (the input of the MAC, never a token itself). */
export function newTokenSecret(): string {
  return randomBytes(24).toString("base64url");
}

function mac(key: string, purpose: TokenPurpose, id: string, secret: string): Buffer {
  if (!key) throw new Error("AUTH_SECRET is not set: invitation and feed links need it");
  // A row written without one (raw SQL) has no link rather than a guessable one.
  if (!secret) throw new Error(`no token secret for ${purpose} ${id}`);
  return createHmac("sha256", key).update(`${PURPOSES[purpose]}\0${id}\0${secret}`).digest().subarray(0, MAC_BYTES);
}

/** The token for row `id` holding `secret`: base64url of the id's UTF-8, a 0 byte, the MAC. */
export function makeToken(purpose: TokenPurpose, id: string, secret: string, key = config().authSecret): string {
  return Buffer.concat([Buffer.from(id, "utf8"), Buffer.from([0]), mac(key, purpose, id, secret)]).toString(
    "base64url",
  );
}

/**
 * The id a token names, without checking it (read the row, then `tokenMatches`);
 * null when it cannot be a token at all.
 */
export function tokenId(token: string): string | null {
  if (token.length > 128 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  const split = bytes.length - MAC_BYTES - 1;
  if (split < 1 || bytes[split] !== 0) return null;
  const id = bytes.subarray(0, split).toString("utf8");
  // Only the canonical spelling: one token per (id, secret).
  return Buffer.concat([Buffer.from(id, "utf8"), Buffer.from([0]), bytes.subarray(split + 1)]).toString("base64url") ===
    token
    ? id
    : null;
}

/** Whether `token` is the current token of row `id` holding `secret`, in constant time. */
export function tokenMatches(
  purpose: TokenPurpose,
  token: string,
  id: string,
  secret: string,
  key = config().authSecret,
): boolean {
  if (tokenId(token) !== id || !secret) return false;
  const given = Buffer.from(token, "base64url").subarray(-MAC_BYTES);
  return timingSafeEqual(given, mac(key, purpose, id, secret));
}
