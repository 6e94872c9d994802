import "server-only";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, databaseUrl, sqliteFile } from "./config";
import { bridge } from "@/server/bridge.mjs";
import { config } from "@/server/shared.mjs";
import { dbHealth } from "./health";
import { PostgresAdapterFactory } from "./postgres-adapter";
import { SqliteAdapterFactory } from "./sqlite-adapter";

// Both generated clients expose the same model API; the SQLite one names the types.
export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client";
// Tagged SQL for $queryRaw; the same fragments render for either provider.
export { join as sqlJoin, sqltag as sql, type Sql } from "@prisma/client/runtime/client";

/** A value of a raw row as the driver returns it: SQLite gives dates as text and counts as BigInt. */
export type RawScalar = Date | string | number | bigint;

/** A boolean column of a raw row: PostgreSQL answers true / false, SQLite 0 / 1. */
export function rawBool(value: RawScalar | boolean): boolean {
  return value === true || Number(value) === 1;
}

/** A date column of a raw row, whichever database returned it. */
export function rawDate(value: RawScalar): Date {
  return value instanceof Date ? value : new Date(typeof value === "bigint" ? Number(value) : value);
}

const url = databaseUrl();
export const provider = databaseProvider(url);

// Tests count queries (lib/parties/data.test.ts); nothing else pays for the events.
const log = config().queryEvents ? [{ emit: "event" as const, level: "query" as const }] : [];

/**
 * Every transaction waits for a pooled connection first, and writes to one
 * party queue on its lock: a burst (60 registrations or answers at once in the
 * race tests, on 10 connections) must queue, not fail after Prisma's default 2 s.
 */
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

function createClient(): Db {
  if (provider === "postgresql") {
    const adapter = new PostgresAdapterFactory(url, config().databasePoolSize);
    return new PostgresClient({ adapter, log, transactionOptions }) as unknown as Db;
  }
  const adapter = new SqliteAdapterFactory(sqliteFile(url));
  return new SqliteClient({ adapter, log, transactionOptions }) as unknown as Db;
}

/** Calls `listener` with the SQL of every query (only when DB_QUERY_EVENTS=1). */
export function onQuery(listener: (sql: string) => void): void {
  (db as unknown as { $on(e: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) =>
    listener(e.query),
  );
}

// One client per process (development reloads modules: the bridge keeps it);
// the server closes its pool at the end of a graceful stop.
const shared = bridge();
export const db = (shared.databaseClient ??= createClient()) as Db;
shared.closeDatabase ??= () => db.$disconnect();

// How proxy.ts finds out that an unreachable database is back.
dbHealth.probe = () => db.$queryRaw`SELECT 1`;

/** An interactive transaction's client, or the client itself: what a write that may join a caller's transaction takes. */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0] | typeof db;
