// Loaded (--import) into every unit test file's process by scripts/test.mjs,
// before the file's own imports: the file gets a database of its own, copied
// from the migrated template the run prepared (UNIT_TEMPLATE_DATABASE_URL), so
// files run side by side without seeing each other's rows. The runner's own
// process (which only spawns the files) gets none. scripts/test.mjs removes
// the copies (dropUnitCopies) before and after the run.
import fs from "node:fs";
import path from "node:path";
import { after } from "node:test";
import { bridge } from "../../server/bridge.mjs";
import { withAdmin } from "./test-db.mjs";

const template = process.env.UNIT_TEMPLATE_DATABASE_URL;

if (template && process.env.NODE_TEST_CONTEXT?.startsWith("child")) {
  process.env.DATABASE_URL = await copyOf(template, String(process.pid));
  // After the file's last test, its pool (if it opened one): the pg pool keeps
  // idle connections for 30 s, and with them the process, which then made
  // every PostgreSQL file last 30 s longer than its tests.
  after(() => bridge().closeDatabase?.());
}

/** A fresh copy of the template database, named after `suffix`; its URL. */
async function copyOf(url, suffix) {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    const copy = path.join(path.dirname(file), "unit", `${suffix}.db`);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    return `file:${copy}`;
  }
  const target = new URL(url);
  await withAdmin(url, async (client, name) => {
    target.pathname = `/${name}_${suffix}`;
    await client.query(`DROP DATABASE IF EXISTS "${name}_${suffix}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}_${suffix}" TEMPLATE "${name}"`);
  });
  return target.toString();
}
