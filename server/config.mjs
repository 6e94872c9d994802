// @ts-check
// Every environment variable the server and the app read, in one zod schema
// (README "Configuration"). The server checks it at start-up, before Next.js
// loads (server/index.mjs `startupProblems`): a value that cannot be meant
// stops it with one message per variable, and so does a production server
// without AUTH_SECRET. Numbers with a documented bound are clamped, as the
// README says; an empty value counts as unset. The app reads it through
// server/shared.mjs (`config()`), never process.env itself.
import os from "node:os";
import * as z from "zod/mini";

/**
 * Unset or empty → undefined, so every default is written once, below.
 * @template {z.ZodMiniType} T
 * @param {T} schema
 */
const optional = (schema) =>
  z.pipe(
    z.transform((/** @type {unknown} */ v) => (typeof v === "string" && v.trim() === "" ? undefined : v)),
    z.optional(schema),
  );

/**
 * A number written as text, kept when `fits` says so.
 * @param {string} what the variable's name, for the message
 * @param {(n: number) => boolean} fits
 * @param {string} kind "a whole number" or "a number"
 */
const numeric = (what, fits, kind) =>
  z.pipe(
    z.string(),
    z.transform((s, ctx) => {
      const n = Number(s.trim());
      if (!fits(n)) {
        ctx.issues.push({ code: "custom", message: `${what} must be ${kind}, not ${JSON.stringify(s)}`, input: s });
        return z.NEVER;
      }
      return n;
    }),
  );
const integer = (/** @type {string} */ what) => numeric(what, Number.isInteger, "a whole number");
const number = (/** @type {string} */ what) => numeric(what, Number.isFinite, "a number");

/** A plain origin (scheme and host, no path), as APP_URL and CORS_ORIGINS hold them. */
const ORIGIN = /^https?:\/\/[^/?#\s]+$/i;

const schema = z.object({
  NODE_ENV: optional(z.string()),
  PORT: optional(integer("PORT").check(z.refine((n) => n > 0 && n < 65536, "PORT must be 1–65535"))),
  HOST: optional(z.string()),
  DATABASE_URL: optional(
    z.string().check(z.regex(/^(file:|postgres(ql)?:\/\/)/i, "DATABASE_URL must start with file: or postgresql://")),
  ),
  AUTH_SECRET: optional(z.string()),
  TRUST_PROXY: optional(z.enum(["0", "1"], "TRUST_PROXY must be 1 (or unset)")),
  RATE_LIMIT_SCALE: optional(number("RATE_LIMIT_SCALE")),
  BCRYPT_COST: optional(number("BCRYPT_COST")),
  WEB_CONCURRENCY: optional(integer("WEB_CONCURRENCY")),
  PAGE_CACHE: optional(z.enum(["0", "1"], "PAGE_CACHE must be 0 or 1")),
  CORS_ORIGINS: optional(z.string()),
  APP_URL: optional(
    z
      .string()
      .check(
        z.regex(/^\s*https?:\/\/[^/?#\s]+\/*\s*$/i, "APP_URL must be a scheme and a host, like https://dinner.example"),
      ),
  ),
  SMTP_URL: optional(z.string().check(z.regex(/^smtps?:\/\/\S+$/i, "SMTP_URL must start with smtp:// or smtps://"))),
  MAIL_FROM: optional(z.string()),
  MAIL_DIR: optional(z.string()),
  MAIL_SENDER: optional(z.enum(["0", "1"], "MAIL_SENDER must be 0 or 1")),
  REMINDER_SCAN_MS: optional(integer("REMINDER_SCAN_MS")),
  DATABASE_POOL_SIZE: optional(integer("DATABASE_POOL_SIZE")),
  SHUTDOWN_DRAIN_MS: optional(integer("SHUTDOWN_DRAIN_MS")),
  SHUTDOWN_GRACE_MS: optional(integer("SHUTDOWN_GRACE_MS")),
  /** tests only: Prisma's query events (lib/parties/data.test.ts counts queries) */
  DB_QUERY_EVENTS: optional(z.string()),
});

const clamp = (/** @type {number} */ n, /** @type {number} */ min, /** @type {number} */ max) =>
  Math.min(max, Math.max(min, n));

/**
 * The configuration, or what is wrong with the environment.
 * @param {Record<string, string | undefined>} env
 */
export function readConfig(env) {
  const parsed = z.safeParse(schema, env);
  if (!parsed.success) {
    return { ok: /** @type {const} */ (false), problems: parsed.error.issues.map((i) => i.message) };
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const problems = [];
  const cors = (e.CORS_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  for (const o of cors) if (!ORIGIN.test(o)) problems.push(`CORS_ORIGINS: ${JSON.stringify(o)} is not an origin`);
  if (problems.length > 0) return { ok: /** @type {const} */ (false), problems };
  return {
    ok: /** @type {const} */ (true),
    config: {
      production,
      port: e.PORT ?? 3000,
      /** undefined: every interface */
      host: e.HOST,
      authSecret: e.AUTH_SECRET ?? "",
      trustProxy: e.TRUST_PROXY === "1",
      /** multiplies every rate limit; never below 1, so it can only relax them */
      rateLimitScale: Math.max(1, e.RATE_LIMIT_SCALE ?? 1),
      /** bcrypt work factor for new hashes */
      bcryptCost: Math.round(clamp(e.BCRYPT_COST ?? 10, 10, 14)),
      workers: Math.max(1, e.WEB_CONCURRENCY ?? os.availableParallelism()),
      pageCache: e.PAGE_CACHE !== "0",
      corsOrigins: cors,
      appUrl: e.APP_URL?.trim().replace(/\/+$/, ""),
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM ?? "DinnerParty <dinnerparty@localhost>",
      mailDir: e.MAIL_DIR,
      mailSender: e.MAIL_SENDER !== "0",
      reminderScanMs: Math.max(1, e.REMINDER_SCAN_MS ?? 60_000),
      databasePoolSize: Math.max(1, e.DATABASE_POOL_SIZE ?? 10),
      shutdownDrainMs: Math.max(0, e.SHUTDOWN_DRAIN_MS ?? 1_000),
      shutdownGraceMs: Math.max(0, e.SHUTDOWN_GRACE_MS ?? 10_000),
      queryEvents: e.DB_QUERY_EVENTS === "1",
    },
  };
}

/** @typedef {Extract<ReturnType<typeof readConfig>, { ok: true }>["config"]} Config */

/**
 * What stops a server from starting: the configuration's problems, and a
 * production server without AUTH_SECRET (sessions, links and two-factor
 * secrets all hang on it; it is asked for before the first request, not at
 * the first two-factor set-up). A build needs none of it.
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function startupProblems(env) {
  const read = readConfig(env);
  if (!read.ok) return read.problems;
  if (read.config.production && !read.config.authSecret) {
    return ["AUTH_SECRET must be set in production (npm start makes one into .env.local)"];
  }
  return [];
}

/** @type {Config | undefined} */
let loaded;

/**
 * This process's configuration, read once; throws with every problem found.
 * @returns {Config}
 */
export function config() {
  if (loaded) return loaded;
  const read = readConfig(process.env);
  if (!read.ok) throw new Error(`The environment is not usable:\n  - ${read.problems.join("\n  - ")}`);
  return (loaded = read.config);
}
