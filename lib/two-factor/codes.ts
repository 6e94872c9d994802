import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import * as OTPAuth from "otpauth";
import { config } from "@/server/shared.mjs";

// The two-factor codes themselves, with no database: TOTP per RFC 6238
// (SHA-1, 30-second steps, 6 digits, one step either side) through otpauth;
// the account's secret encrypted at rest; recovery codes. The clock is a
// parameter everywhere, so tests fix it.

export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Steps either side of now that a code may come from (clocks drift, people type slowly). */
export const WINDOW = 1;
export const RECOVERY_CODES = 10;

const ISSUER = "DinnerParty";

/** A new TOTP secret: 160 random bits, as base32 (what authenticator apps take). */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "account"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: STEP_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The secret in groups of four, for typing it in by hand. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? secretBase32;
}

/** The code for `at` (tests, and the e2e journeys compute theirs the same way). */
export function totpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/** The time step a moment falls in. */
export function stepAt(at: number): number {
  return Math.floor(at / 1000 / STEP_SECONDS);
}

/**
 * Check a typed TOTP code: the step it belongs to, "used" for a right code
 * from a step at or before `lastStep` (the last one this account used: an
 * accepted code — or an older one — cannot be replayed), or null.
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  at = Date.now(),
): number | "used" | null {
  const digits = code.replace(/\s/g, "");
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(digits)) return null;
  const delta = totp(secretBase32).validate({ token: digits, timestamp: at, window: WINDOW });
  if (delta === null) return null;
  const step = stepAt(at) + delta;
  return lastStep !== null && step <= lastStep ? "used" : step;
}

// ------------------------------------------------------------ the secret at rest

/** The key of the secrets, derived from AUTH_SECRET for this purpose only. */
function secretKey(authSecret: string): Buffer {
  if (!authSecret) throw new Error("AUTH_SECRET is not set: two-factor secrets need it");
  return Buffer.from(hkdfSync("sha256", authSecret, "dinnerparty", "two-factor secret v1", 32));
}

/** AES-256-GCM: "v1.{iv}.{ciphertext}.{tag}", base64url. */
export function encryptSecret(plain: string, authSecret = config().authSecret): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(authSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The secret, or null for anything that is not one of ours (tampered, another key, garbage). */
export function decryptSecret(stored: string, authSecret = config().authSecret): string | null {
  const [version, iv, body, tag, extra] = stored.split(".");
  if (version !== "v1" || !iv || !body || !tag || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

// ------------------------------------------------------------ recovery codes

// No 0/O, 1/I/L: a code is read off paper.
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** Ten codes like "k7m2-x9qp-4hce": 12 characters of 31, about 59 bits each. */
export function newRecoveryCodes(n = RECOVERY_CODES): string[] {
  return Array.from({ length: n }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
  });
}

/** What a person typed, as the code it means: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]/g, "");
  if (plain.length !== 12 || [...plain].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return [0, 4, 8].map((i) => plain.slice(i, i + 4)).join("-");
}

/** Stored: SHA-256 — the codes are random enough that a slow hash buys nothing. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(`recovery\0${code}`).digest("hex");
}
