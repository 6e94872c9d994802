import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, databaseUrl, sqliteFile } from "./config";
import { SqliteAdapterFactory } from "./sqlite-adapter";

// Both generated clients expose the same model API; the SQLite one names the type.
export type Db = SqliteClient;

const url = databaseUrl();
export const provider = databaseProvider(url);

function createClient(): Db {
  if (provider === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new SqliteAdapterFactory(sqliteFile(url)) });
}

// One client per process; `globalThis` keeps dev-mode hot reloads from opening more.
const globalForDb = globalThis as unknown as { __dinnerpartyDb?: Db };
export const db: Db = (globalForDb.__dinnerpartyDb ??= createClient());
