// Apply pending migrations to the database DATABASE_URL names (SQLite file by
// default, created if missing). Runs on every start.
//
// PostgreSQL: `prisma migrate deploy` takes an advisory lock, so several
// instances may start at once. SQLite: Prisma migrates in EXCLUSIVE locking
// mode, which fails (after 5 s) while another process has the file open in
// WAL mode — a running instance. So when nothing is pending (a restart, a
// second worker host on the same file) we do not call it at all.
import fs from "node:fs";
import path from "node:path";
import { bin, must, ROOT } from "./lib/run.mjs";

function migrationNames(provider) {
  const dir = path.join(ROOT, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name);
}

async function sqliteUpToDate(url) {
  const file = path.resolve(ROOT, url.replace(/^file:/i, "").replace(/\?.*$/, ""));
  if (!fs.existsSync(file)) return false;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const applied = new Set(
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .all()
        .map((r) => r.migration_name),
    );
    return migrationNames("sqlite").every((name) => applied.has(name));
  } finally {
    db.close();
  }
}

export async function migrate(env = process.env) {
  // The same default as lib/db/config.ts.
  const url = env.DATABASE_URL?.trim() || `file:${path.join(ROOT, "var", "dinnerparty.db")}`;
  const isPostgres = /^postgres(ql)?:\/\//i.test(url);
  if (!isPostgres && (await sqliteUpToDate(url))) {
    console.log("› Database schema is up to date");
    return;
  }
  const output = await must(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  const applied = output.match(/The following migration\(s\) have been applied:[\s\S]*?(?=\n\n[A-Z]|$)/);
  console.log(applied ? `› Migrations applied:\n${applied[0]}` : "› Database schema is up to date");
  if (isPostgres) await applyPostgresTriggers(url);
}

/** What the history cannot hold (see the file's header): applied after every deploy. */
async function applyPostgresTriggers(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One parameterless script: the simple query protocol runs it whole.
    await client.query(fs.readFileSync(path.join(ROOT, "prisma", "postgresql", "content-version.sql"), "utf8"));
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadEnv } = await import("./lib/env.mjs");
  await loadEnv();
  await migrate();
}
