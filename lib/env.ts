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

export function readEnv(source: Record<string, string | undefined>) {
  return {
    /** Multiplies every rate limit; never below 1, so it can only relax limits. */
    rateLimitScale: Math.max(1, numberFrom(source.RATE_LIMIT_SCALE, 1)),
    /** bcrypt work factor for new hashes. */
    bcryptCost: Math.round(clamp(numberFrom(source.BCRYPT_COST, 10), 10, 14)),
  };
}

export const env = readEnv(process.env);
