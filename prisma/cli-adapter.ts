// Driver adapters for the Prisma CLI (migrate, diff). They carry small fixes for
// known defects of 6.19.3's WebAssembly schema engine; the app never uses them.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseProvider, sqliteFile } from "../lib/db/config";

export async function cliAdapter(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (databaseProvider(url) === "postgresql") {
    const { pgCliAdapter } = await import("./cli-adapter-pg");
    return pgCliAdapter(url);
  }
  const file = sqliteFile(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSQLite3({ url: file });
}
