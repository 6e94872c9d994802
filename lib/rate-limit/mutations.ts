import "server-only";
import { isIPv6 } from "node:net";
import { db } from "@/lib/db";
import { config } from "@/lib/env";

// Fixed-window counters in the database, so every app instance shares them.
// One atomic upsert per hit: concurrent requests can never all slip under the
// limit, as "read the count, then write" would let them.

export type Limit = {
  /** requests allowed per window, before RATE_LIMIT_SCALE */
  limit: number;
  windowMs: number;
};

/** Every rate limit of the app: the one table (README "Brute force", decision 006). */
export const RATE_LIMITS = {
  /** failed logins per client IP */
  loginPerIp: { limit: 10, windowMs: 60_000 },
  /** consecutive failed logins per account (reset by a successful login) */
  loginPerAccount: { limit: 100, windowMs: 60 * 60_000 },
  /** accounts created per client IP */
  registerPerIp: { limit: 20, windowMs: 60 * 60_000 },
  /** parties created per user */
  createPartyPerUser: { limit: 30, windowMs: 60_000 },
  /** RSVPs and cancellations per user */
  rsvpPerUser: { limit: 30, windowMs: 60_000 },
  /** password checks on the settings page per user (change password, delete account) */
  passwordCheckPerUser: { limit: 10, windowMs: 15 * 60_000 },
  /** "Forgot your password?" requests per client IP */
  resetPerIp: { limit: 10, windowMs: 60 * 60_000 },
  /** "Forgot your password?" requests per email address, whether or not it has an account */
  resetPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  /** "Send the link again" (email confirmation) per user */
  confirmResendPerUser: { limit: 3, windowMs: 60 * 60_000 },
  /** "Message your guests" per host, over all their parties */
  hostMessagePerUser: { limit: 10, windowMs: 60 * 60_000 },
  /** wrong two-factor codes per client IP */
  twoFactorPerIp: { limit: 10, windowMs: 60_000 },
  /** consecutive wrong two-factor codes per account (reset by a right one) */
  twoFactorPerAccount: { limit: 10, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/**
 * The budget a client address draws on. An IPv4 address is one budget; an
 * IPv6 client is keyed by its /64, the smallest block a provider hands one
 * customer (RFC 6177), or every address of one home network — 2^64 of them —
 * would get a budget of its own. Anything else ("unknown") is used as it is.
 */
export function clientSubject(ip: string): string {
  const address = ip.split("%")[0]!.toLowerCase(); // a zone index ("fe80::1%eth0") names no other host
  if (!isIPv6(address)) return ip;
  const [head = "", tail] = address.split("::") as [string, string | undefined];
  const groups = head ? head.split(":") : [];
  if (tail !== undefined) {
    const after = tail ? tail.split(":") : [];
    const width = after.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
    groups.push(...Array<string>(8 - groups.length - width).fill("0"), ...after);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export type Hit = {
  ok: boolean;
  count: number;
  limit: number;
  /** whole seconds until the window resets (at least 1) */
  retryAfter: number;
};

export function scaledLimit(limit: Limit, scale = config().rateLimitScale): number {
  return Math.floor(limit.limit * scale);
}

/** Count one request against `key`; `ok` is false once the limit is passed. */
export async function hit(
  key: string,
  limit: Limit,
  { now = Date.now(), scale = config().rateLimitScale }: { now?: number; scale?: number } = {},
): Promise<Hit> {
  const max = scaledLimit(limit, scale);
  const resetAt = BigInt(now + limit.windowMs);
  const rows = await db.$queryRaw<{ count: number | bigint; resetAt: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${BigInt(now)} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${BigInt(now)} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  const count = Number(row.count);
  maybeSweep(now);
  return {
    ok: count <= max,
    count,
    limit: max,
    retryAfter: Math.max(1, Math.ceil((Number(row.resetAt) - now) / 1000)),
  };
}

/** Give back one hit, e.g. a login attempt that turned out to be correct. */
export async function refund(key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
}

/** Forget the counter, e.g. consecutive failures after a successful login. */
export async function reset(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

let lastSweep = 0;

/** Expired windows are dead rows: drop them now and then, off the hot path. */
function maybeSweep(now: number) {
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  db.rateLimit.deleteMany({ where: { resetAt: { lte: BigInt(now) } } }).catch(() => {});
}
