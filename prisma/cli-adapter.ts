// Driver adapters for the Prisma CLI (migrate deploy, migrate diff, db pull).
// They carry small fixes for known defects of 6.19.3's WebAssembly schema
// engine (see ../shared/toolchain.md); the app never loads this file.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { databaseProvider, sqliteFile } from "../lib/db/config";

export async function cliAdapter(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  return databaseProvider(url) === "postgresql" ? postgresAdapter(url) : sqliteAdapter(url);
}

/** Delegates to `inner`, with some methods replaced. */
function override(inner: SqlDriverAdapter, replaced: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => inner.queryRaw(q),
    executeRaw: (q) => inner.executeRaw(q),
    executeScript: (s) => inner.executeScript(s),
    startTransaction: (i) => inner.startTransaction(i),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
    ...replaced,
  };
}

// ------------------------------------------------------------------ SQLite
function sqliteAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const file = sqliteFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const base = new PrismaBetterSQLite3({ url: file });
  return {
    provider: "sqlite",
    adapterName: base.adapterName,
    connect: () => base.connect(),
    async connectToShadowDb() {
      // The shadow database replays each migration as one multi-statement
      // string through executeRaw, which better-sqlite3's prepare() refuses
      // (P3006); a parameterless script goes to exec() instead.
      const shadow = await base.connectToShadowDb();
      return override(shadow, {
        executeRaw: async (q: SqlQuery) => {
          if (q.args.length === 0) {
            await shadow.executeScript(q.sql);
            return 0;
          }
          return shadow.executeRaw(q);
        },
      });
    },
  };
}

// -------------------------------------------------------------- PostgreSQL
// The engine reads catalog columns of type name (OID 19), "char" (18) and
// their arrays (1003, 1002), which the adapter cannot map
// (prisma/orm#27403). They are plain text: read them as text and text[].
const AS_TEXT: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };

type ParserConfig = { types?: { getTypeParser: (oid: number, format?: string) => unknown } };

type Result = { fields?: { dataTypeID: number }[] } | undefined;

function asText(res: Result): Result {
  for (const field of res?.fields ?? []) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
  return res;
}

class CatalogFriendlyClient extends pg.Client {
  // pg's query() has many overloads; the pool calls (config, values, callback).
  override query(...args: unknown[]): never {
    const [config, ...rest] = args;
    let patched = config;
    const types = (config as ParserConfig | undefined)?.types;
    if (config && typeof config === "object" && types) {
      patched = {
        ...config,
        types: { getTypeParser: (oid: number, format?: string) => types.getTypeParser(AS_TEXT[oid] ?? oid, format) },
      };
    }
    const last = rest.at(-1);
    if (typeof last === "function") {
      rest[rest.length - 1] = (err: unknown, res: Result) => last(err, asText(res));
    }
    const result = (pg.Client.prototype.query as (...a: unknown[]) => unknown).call(this, patched, ...rest);
    return (result instanceof Promise ? result.then(asText) : result) as never;
  }
}

function pool(config: pg.PoolConfig): pg.Pool {
  // allowExitOnIdle: the CLI exits as soon as it is done, not after the idle timeout.
  return new pg.Pool({ ...config, Client: CatalogFriendlyClient, allowExitOnIdle: true, max: 4 });
}

// PrismaPg's executeScript cuts a migration at every ";" — inside a function
// body or a comment too. PostgreSQL takes a parameterless script whole (the
// simple query protocol, as psql sends it), so send it whole.
function wholeScripts(inner: SqlDriverAdapter): SqlDriverAdapter {
  const pgAdapter = inner as unknown as { underlyingDriver(): pg.Pool; onError(error: unknown): never };
  return override(inner, {
    executeScript: async (script: string) => {
      try {
        await pgAdapter.underlyingDriver().query(script);
      } catch (error) {
        pgAdapter.onError(error);
      }
    },
  });
}

function postgresAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool({ connectionString: url }), { disposeExternalPool: true });
  return {
    provider: "postgres",
    adapterName: base.adapterName,
    connect: async () => wholeScripts(await base.connect()),
    async connectToShadowDb() {
      // The stock shadow database is opened with the main connection string,
      // whose database name wins — it would hit the main database — and is
      // dropped before its pool closes. Discrete fields; close, then drop.
      const main = await base.connect();
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const u = new URL(url);
      const shadow = await new PrismaPg(
        pool({
          host: u.hostname,
          port: Number(u.port || 5432),
          user: decodeURIComponent(u.username) || undefined,
          password: decodeURIComponent(u.password) || undefined,
          database: name,
        }),
        { disposeExternalPool: true },
      ).connect();
      return override(wholeScripts(shadow), {
        dispose: async () => {
          await shadow.dispose();
          await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
          await main.dispose();
        },
      });
    },
  };
}
