// Test databases: a SQLite file under var/ by default, or the PostgreSQL
// server TEST_DATABASE_URL points at (one database per suite, recreated).
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./run.mjs";
import { migrate } from "../migrate.mjs";

function forSuite(suite) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return `file:${path.join(ROOT, "var", `${suite}.db`)}`;
  const url = new URL(base);
  url.pathname = `/dinnerparty_${suite}`;
  return url.toString();
}

export const e2eDatabaseUrl = () => forSuite("e2e");
export const unitDatabaseUrl = () => forSuite("unit");

/** Drop everything in the database and apply all migrations. */
export async function resetDatabase(url) {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  } else {
    await recreatePostgresDatabase(url);
  }
  await migrate({ ...process.env, DATABASE_URL: url });
}

async function recreatePostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
