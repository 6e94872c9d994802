// npm test — every test, from a fresh machine: installs what it needs
// (npm packages, Debian's chromium), then runs the checks (ESLint, tsc), the
// unit tests (node:test) and the end-to-end tests (Playwright, against the
// production build), and ends with one line: "N passed, N failed".
//
//   npm test                       everything on SQLite
//   npm test -- --only unit        one part: checks | unit | e2e
//   npm test -- --grep "login"     other arguments go to Playwright
import fs from "node:fs";
import path from "node:path";
import { bin, ensureBuilt, ensureInstalled, ROOT, run } from "./lib/run.mjs";

const args = process.argv.slice(2);
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : null;
const wants = (part) => !only || only === part;

const totals = { passed: 0, failed: 0 };
const report = [];

function record(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  report.push(`${failed ? "✗" : "✓"} ${name}: ${passed} passed, ${failed} failed`);
}

function heading(text) {
  console.log(`\n━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}`);
}

async function ensureChromium() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH || fs.existsSync("/usr/bin/chromium")) return;
  heading("Installing Debian's chromium for the browser tests");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = async (...a) => {
    const [cmd, ...rest] = [...sudo, "apt-get", ...a];
    const { code } = await run(cmd, rest, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (code !== 0) throw new Error(`apt-get ${a.join(" ")} failed`);
  };
  await apt("update", "-qq");
  await apt("install", "-y", "-qq", "chromium");
}

function listTests(dir, provider, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") listTests(full, provider, out);
    } else if (entry.name.endsWith(".test.ts")) {
      const only = /\.(sqlite|postgresql)\.test\.ts$/.exec(entry.name)?.[1];
      if (!only || only === provider) out.push(path.relative(ROOT, full));
    }
  }
  return out;
}

async function checks() {
  heading("Checks: ESLint and TypeScript");
  for (const [name, cmd, cmdArgs] of [
    ["eslint", bin("eslint"), ["--max-warnings", "0", "."]],
    ["typegen", bin("next"), ["typegen"]],
    ["tsc --noEmit", bin("tsc"), ["--noEmit"]],
  ]) {
    const { code } = await run(cmd, cmdArgs);
    record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }
}

async function unit(databaseUrl, provider) {
  heading(`Unit tests (${provider})`);
  const { resetDatabase } = await import("./lib/test-db.mjs");
  await resetDatabase(databaseUrl);
  const files = listTests(path.join(ROOT, "lib"), provider);
  const tap = path.join(ROOT, "test-results", `unit-${provider}.tap`);
  fs.mkdirSync(path.dirname(tap), { recursive: true });
  await run(
    "node",
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "--test",
      "--test-concurrency=1",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: "test",
        RATE_LIMIT_SCALE: "",
        BCRYPT_COST: "",
        DB_QUERY_EVENTS: "1",
        // An unusual zone, so code that uses the machine's zone fails loudly.
        TZ: "Asia/Kathmandu",
      },
    },
  );
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
  const passed = count("pass");
  const failed = count("fail") + count("cancelled") + (text ? 0 : 1);
  record(`unit tests (${provider})`, passed, failed);
}

async function e2e(provider, extraEnv = {}) {
  heading(`End-to-end tests (${provider})`);
  await ensureBuilt();
  const json = path.join(ROOT, "test-results", "e2e-report.json");
  fs.rmSync(json, { force: true });
  await run(bin("playwright"), ["test", ...args], { env: { ...process.env, ...extraEnv } });
  let stats = null;
  try {
    stats = JSON.parse(fs.readFileSync(json, "utf8")).stats;
  } catch {
    // no report: Playwright could not start (a failure in itself)
  }
  const passed = stats ? stats.expected : 0;
  const failed = stats ? stats.unexpected + stats.flaky + stats.skipped : 1;
  record(`end-to-end tests (${provider})`, passed, failed);
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
try {
  await ensureInstalled();
  if (wants("e2e")) await ensureChromium();
  if (wants("checks")) await checks();
  const { unitDatabaseUrl } = await import("./lib/test-db.mjs");
  if (wants("unit")) await unit(unitDatabaseUrl(), "sqlite");
  if (wants("e2e")) await e2e("sqlite");
} catch (error) {
  console.error(error);
  record("test run", 0, 1);
}

heading("Summary");
for (const line of report) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
