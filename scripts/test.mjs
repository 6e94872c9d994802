// npm test — every test, from a fresh machine: installs what it needs
// (npm packages, Debian's chromium and postgresql), then runs the checks
// (ESLint, tsc, the two migration histories), the unit tests (node:test) and
// the end-to-end tests (Playwright, against the production build) on SQLite
// with the page cache off (PAGE_CACHE=0) and on a throwaway PostgreSQL
// cluster with it on — there also with two app instances and with the
// database stopped under them — and ends with one line:
// "N passed, N failed".
//
//   npm test                              everything, both databases
//   npm test -- --db sqlite               one database: sqlite | postgresql
//   npm test -- --only unit               one part: checks | unit | e2e | faults
//   npm test -- --grep "login"            other arguments go to Playwright
import fs from "node:fs";
import path from "node:path";
import { aptInstall, bin, ensureBuilt, ensureInstalled, migrationsToModelsDiff, ROOT, run } from "./lib/run.mjs";

const args = process.argv.slice(2);
function option(name) {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : null;
}
const only = option("--only");
const dbChoice = option("--db") ?? "all";
const wants = (part) => !only || only === part;
const onDb = (provider) => dbChoice === "all" || dbChoice === provider;

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
  aptInstall("chromium");
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
  heading("Checks: formatting, ESLint and TypeScript");
  for (const [name, cmd, cmdArgs] of [
    ["prettier --check", bin("prettier"), ["--check", "--log-level", "warn", "."]],
    ["eslint", bin("eslint"), ["--max-warnings", "0", "."]],
    ["typegen", bin("next"), ["typegen"]],
    ["tsc --noEmit", bin("tsc"), ["--noEmit"]],
  ]) {
    const { code } = await run(cmd, cmdArgs);
    record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }
  heading("Checks: page weight (production build)");
  await ensureBuilt();
  const { code } = await run("node", ["scripts/check-page-weight.mjs"]);
  record("first-load JavaScript ≤ 150 KB", code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

/**
 * Both migration histories must produce exactly the shared models: replayed
 * into a scratch database, each must leave nothing to diff against
 * prisma/<provider> (whose models.prisma is the same file).
 */
async function migrationHistories(pgUrl) {
  heading("Checks: migration histories");
  const targets = [["sqlite", `file:${path.join(ROOT, "var", "migrations-check.db")}`]];
  if (pgUrl) targets.push(["postgresql", pgUrl]);
  for (const [provider, url] of targets) {
    const { code, output } = await run(bin("prisma"), migrationsToModelsDiff(provider, "--exit-code"), {
      env: { ...process.env, DATABASE_URL: url },
      quiet: true,
    });
    if (code !== 0) console.log(output);
    console.log(
      `${code === 0 ? "✓" : "✗"} ${provider}: ${code === 0 ? "migrations produce the models" : "migrations and models differ (exit " + code + ")"}`,
    );
    record(`migration history (${provider})`, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }
}

async function unit(databaseUrl, provider) {
  heading(`Unit tests (${provider})`);
  const { resetDatabase } = await import("./lib/test-db.mjs");
  await resetDatabase(databaseUrl);
  const files = ["lib", "server"].flatMap((dir) => listTests(path.join(ROOT, dir), provider));
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
        // Keys the invitation and feed tokens (lib/invitations/tokens.ts).
        AUTH_SECRET: "unit-test-secret-not-for-production-0123456789",
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

async function e2e(label, extraEnv = {}) {
  heading(`End-to-end tests (${label})`);
  await ensureBuilt();
  const json = path.join(ROOT, "test-results", "e2e-report.json");
  fs.rmSync(json, { force: true });
  // Every mail the app servers send arrives at a real SMTP server, as .eml files the tests read.
  const mailDir = path.join(ROOT, "test-results", "mail");
  const { startMailCatcher } = await import("./lib/mail-catcher.mjs");
  const catcher = await startMailCatcher(mailDir);
  const { code } = await run(bin("playwright"), ["test", ...args], {
    env: { ...process.env, SMTP_URL: catcher.url, E2E_MAIL_DIR: mailDir, ...extraEnv },
  }).finally(() => catcher.close());
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(json, "utf8"));
  } catch {
    // no report: Playwright could not start (a failure in itself)
  }
  const stats = report?.stats;
  const passed = stats ? stats.expected : 0;
  let failed = stats ? stats.unexpected + stats.flaky + stats.skipped : 1;
  // A server that never started, or an error outside any test, fails the run
  // even when no test got to fail.
  if (failed === 0 && (code !== 0 || (report?.errors?.length ?? 0) > 0)) failed = 1;
  record(`end-to-end tests (${label})`, passed, failed);
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
let cluster = null;
try {
  await ensureInstalled();
  if (wants("e2e") || wants("faults")) await ensureChromium();
  const pg = await import("./lib/postgres.mjs");
  if (onDb("postgresql")) {
    heading("Starting a throwaway PostgreSQL cluster");
    pg.installPostgres();
    cluster = pg.startCluster({ port: Number(process.env.PG_TEST_PORT ?? 55433) });
    console.log(`PostgreSQL on 127.0.0.1:${cluster.port}`);
  }
  if (wants("checks")) {
    await checks();
    await migrationHistories(cluster?.url);
  }
  const testDb = await import("./lib/test-db.mjs");
  if (onDb("sqlite")) {
    delete process.env.TEST_DATABASE_URL;
    if (wants("unit")) await unit(testDb.unitDatabaseUrl(), "sqlite");
    // Once without the page cache, so every page is rendered by Next.js; the
    // PostgreSQL run below keeps it (two instances must agree through it).
    if (wants("e2e")) await e2e("sqlite, page cache off", { PAGE_CACHE: "0" });
    if (wants("faults")) await e2e("sqlite faults", { E2E_SUITE: "faults" });
  }
  if (cluster) {
    process.env.TEST_DATABASE_URL = cluster.url;
    if (wants("unit")) await unit(testDb.unitDatabaseUrl(), "postgresql");
    if (wants("e2e")) await e2e("postgresql, two instances", { E2E_INSTANCES: "1", PAGE_CACHE: "1" });
    if (wants("faults")) {
      await e2e("postgresql faults", { E2E_SUITE: "faults", E2E_PG_CLUSTER: JSON.stringify(cluster) });
    }
  }
} catch (error) {
  console.error(error);
  record("test run", 0, 1);
} finally {
  if (cluster) (await import("./lib/postgres.mjs")).destroyCluster(cluster);
}

heading("Summary");
for (const line of report) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
