// Test databases: a SQLite file under var/ by default, or the PostgreSQL
// server TEST_DATABASE_URL points at (one database per suite, recreated).
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./run.mjs";
import { migrate } from "../migrate.mjs";

function forSuite(suite, base = process.env.TEST_DATABASE_URL) {
  if (!base) return `file:${path.join(ROOT, "var", `${suite}.db`)}`;
  const url = new URL(base);
  url.pathname = `/dinnerparty_${suite}`;
  return url.toString();
}

export const e2eDatabaseUrl = () => forSuite("e2e");
/** The template every unit test file copies (scripts/lib/unit-db.mjs). */
export const unitDatabaseUrl = () => forSuite("unit");

/**
 * The database of the faults server, which the faults tests take away: on
 * PostgreSQL a cluster of its own (E2E_FAULTS_CLUSTER, started by
 * scripts/test.mjs), so stopping it stops nothing the other tests use.
 */
export function faultsDatabaseUrl() {
  const cluster = process.env.E2E_FAULTS_CLUSTER;
  if (process.env.TEST_DATABASE_URL && !cluster) throw new Error("E2E_FAULTS_CLUSTER is not set");
  return forSuite("faults", cluster ? JSON.parse(cluster).url : undefined);
}

/** Remove the copies the unit test files made of the template at `url`. */
export async function dropUnitCopies(url) {
  if (url.startsWith("file:")) {
    fs.rmSync(path.join(path.dirname(url.slice("file:".length)), "unit"), { recursive: true, force: true });
    return;
  }
  await withAdmin(url, async (client, name) => {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}\\_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

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

function recreatePostgresDatabase(url) {
  return withAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

/** `work` with a connection to the server's `postgres` database and the name of the database `url` names. */
export async function withAdmin(url, work) {
  const { default: pg } = await import("pg");
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}
