// Apply pending migrations to the database DATABASE_URL names (SQLite file by
// default, created if missing). Safe to run on every start and from several
// instances at once: Prisma takes a lock while it migrates.
import { bin, must } from "./lib/run.mjs";

export async function migrate(env = process.env) {
  const output = await must(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  const applied = output.match(/The following migration\(s\) have been applied:[\s\S]*?(?=\n\n[A-Z]|$)/);
  console.log(applied ? `› Migrations applied:\n${applied[0]}` : "› Database schema is up to date");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadEnv } = await import("./lib/env.mjs");
  await loadEnv();
  await migrate();
}
