// npm run db:new-migration -- <name>
//
// After editing prisma/models.prisma: writes the SQL that brings each
// provider's migration history up to the models, as a new migration with the
// same name in prisma/sqlite/migrations and prisma/postgresql/migrations.
// Each history is replayed into a scratch "shadow" database and diffed
// against the models — SQLite in memory; PostgreSQL on the server
// DATABASE_URL names if it is one, else on a throwaway local cluster.
// Review both files, then `npm run db:migrate` applies them.
import fs from "node:fs";
import path from "node:path";
import { bin, migrationsToModelsDiff, must, ROOT } from "./lib/run.mjs";

const name = process.argv
  .slice(2)
  .join("_")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>   (e.g. add_party_notes)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;

async function diff(provider, url) {
  const sql = await must(bin("prisma"), migrationsToModelsDiff(provider, "--script"), {
    env: { ...process.env, DATABASE_URL: url },
    quiet: true,
  });
  return sql.replace(/^Loaded Prisma config.*\n+/m, "");
}

const { destroyCluster, installPostgres, startCluster } = await import("./lib/postgres.mjs");
let cluster = null;
let pgUrl = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : null;
try {
  if (!pgUrl) {
    installPostgres();
    // Away from the test run's clusters (55433 and 55434), which may be up.
    cluster = startCluster({ port: 55439 });
    pgUrl = cluster.url;
  }
  const results = [
    ["sqlite", await diff("sqlite", `file:${path.join(ROOT, "var", "new-migration.db")}`)],
    ["postgresql", await diff("postgresql", pgUrl)],
  ];
  if (results.every(([, sql]) => !/\S/.test(sql.replace(/^--.*$/gm, "")))) {
    console.log("Nothing to migrate: both histories already produce prisma/models.prisma.");
  } else {
    for (const [provider, sql] of results) {
      const dir = path.join(ROOT, "prisma", provider, "migrations", folder);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql);
      console.log(`› wrote prisma/${provider}/migrations/${folder}/migration.sql`);
    }
  }
} finally {
  if (cluster) destroyCluster(cluster);
}
