import "server-only";

// Runtime settings read from the environment (see README "Configuration").
// Out-of-range values are clamped to the documented bounds rather than
// crashing the server; the bounds themselves are part of the security model.

function numberFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value === undefined || value.trim() === "" || !Number.isFinite(n) ? fallback : n;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

export const env = {
  /** Multiplies every rate limit; never below 1, so it can only relax limits. */
  rateLimitScale: Math.max(1, numberFrom(process.env.RATE_LIMIT_SCALE, 1)),
  /** bcrypt work factor for new hashes. */
  bcryptCost: Math.round(clamp(numberFrom(process.env.BCRYPT_COST, 10), 10, 14)),
  /** Take the client IP from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: process.env.TRUST_PROXY === "1",
  isProduction: process.env.NODE_ENV === "production",
};
