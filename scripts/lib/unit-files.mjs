// Which unit test files there are, and which of them reach the database: a
// file that never imports lib/db (directly or through what it imports) gives
// the same answer on every database, so it runs once, not once per database.
// Read from the import statements, so a new test needs no list kept by hand.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./run.mjs";

const DB_MODULE = path.join(ROOT, "lib", "db", "index.ts");

/** The unit test files under `dirs` that run on `provider` (`x.sqlite.test.ts` runs on SQLite only). */
export function listUnitTests(dirs, provider) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (entry.name.endsWith(".test.ts")) {
        const only = /\.(sqlite|postgresql)\.test\.ts$/.exec(entry.name)?.[1];
        if (!only || only === provider) out.push(path.relative(ROOT, full));
      }
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out.sort();
}

// `import x from "y"`, `export … from "y"`, `import "y"`, `import("y")`; not `import type`.
const IMPORT =
  /(?:^|\n)\s*(?:import(?!\s+type\b)[^"'`;]*?from\s*|export(?!\s+type\b)[^"'`;]*?from\s*|import\s*)["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package or node: built-in
  for (const candidate of [base, ...[".ts", ".tsx", ".mjs", ".js"].map((x) => base + x), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Whether `file` (relative to the repo) imports lib/db, however indirectly. */
export function reachesDatabase(file) {
  const seen = new Set();
  const queue = [path.join(ROOT, file)];
  while (queue.length) {
    const current = queue.pop();
    if (current === DB_MODULE) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    const text = fs.readFileSync(current, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const next = resolve(current, match[1] ?? match[2]);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return false;
}
