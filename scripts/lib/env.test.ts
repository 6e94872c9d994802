// npm start reads the .env files before anything else (scripts/lib/env.mjs):
// the AUTH_SECRET it generated once is found again on the next start, and a
// DATABASE_URL written there reaches the migrations as well as the app.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dinnerparty-env-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
const envModule = path.join(import.meta.dirname, "env.mjs");

/** One start's view of the environment, in a process of its own (loadEnv changes process.env). */
function start(root: string, env: Record<string, string> = {}) {
  const script = `
    const { loadEnv, ensureAuthSecret } = await import(${JSON.stringify(envModule)});
    await loadEnv(${JSON.stringify(root)});
    ensureAuthSecret(${JSON.stringify(root)});
    console.log(JSON.stringify({ secret: process.env.AUTH_SECRET, db: process.env.DATABASE_URL ?? null }));`;
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !["AUTH_SECRET", "DATABASE_URL", "NODE_ENV"].includes(k)),
  );
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: path.join(import.meta.dirname, "..", ".."),
    // Next.js's types ask for NODE_ENV; the point here is a start without one.
    env: { ...clean, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { secret: string; db: string | null };
}

describe("npm start's environment", () => {
  it("generates AUTH_SECRET once and finds it again on the next start", () => {
    const root = fs.mkdtempSync(path.join(scratch, "secret-"));
    const first = start(root);
    assert.match(first.secret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(start(root).secret, first.secret);
    const file = fs.readFileSync(path.join(root, ".env.local"), "utf8");
    assert.equal(file.match(/^AUTH_SECRET=/gm)?.length, 1, file);
    assert.equal(fs.statSync(path.join(root, ".env.local")).mode & 0o777, 0o600);
  });

  it("reads .env, and what the environment sets wins over it", () => {
    const root = fs.mkdtempSync(path.join(scratch, "dotenv-"));
    fs.writeFileSync(path.join(root, ".env"), "DATABASE_URL=file:./from-dotenv.db\nAUTH_SECRET=from-dotenv\n");
    assert.deepEqual(start(root), { secret: "from-dotenv", db: "file:./from-dotenv.db" });
    assert.deepEqual(start(root, { DATABASE_URL: "file:./from-env.db" }), {
      secret: "from-dotenv",
      db: "file:./from-env.db",
    });
    assert.equal(fs.existsSync(path.join(root, ".env.local")), false);
  });
});
