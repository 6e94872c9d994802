// The first-load JavaScript of the main pages, read from the production build
// (.next): the runtime every page loads plus the chunks of the page's own
// layout, page and boundaries. Fails when one is over 150 KB gzipped.
// Run by `npm test` (after the build), or alone: node scripts/check-page-weight.mjs
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { ROOT } from "./lib/run.mjs";

const BUDGET_KB = 150;
const ROUTES = ["/", "/login", "/rsvp", "/parties/[id]"];
const NEXT = path.join(ROOT, ".next");

function pageDir(route) {
  return path.join(NEXT, "server", "app", route === "/" ? "" : route, "page");
}

function chunksOf(route) {
  const dir = pageDir(route);
  const build = JSON.parse(fs.readFileSync(path.join(dir, "build-manifest.json"), "utf8"));
  const files = new Set(build.rootMainFiles);
  // The client reference manifest is a script that fills globalThis.__RSC_MANIFEST.
  const sandbox = { globalThis: {} };
  sandbox.self = sandbox.globalThis;
  vm.runInNewContext(fs.readFileSync(`${dir}_client-reference-manifest.js`, "utf8"), sandbox);
  const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST)[0];
  for (const list of Object.values(manifest.entryJSFiles)) for (const f of list) files.add(f);
  return [...files];
}

const sizes = new Map();
function gzipKb(file) {
  if (!sizes.has(file)) {
    sizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(NEXT, file)), { level: 9 }).length / 1024);
  }
  return sizes.get(file);
}

let over = 0;
console.log(`First-load JavaScript (gzipped), budget ${BUDGET_KB} KB:`);
for (const route of ROUTES) {
  const files = chunksOf(route);
  const kb = files.reduce((sum, f) => sum + gzipKb(f), 0);
  const ok = kb <= BUDGET_KB;
  if (!ok) over++;
  console.log(`${ok ? "✓" : "✗"} ${route.padEnd(16)} ${kb.toFixed(1).padStart(6)} KB in ${files.length} files`);
}
process.exit(over ? 1 : 0);
