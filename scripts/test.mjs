// npm test — the fast tier, what CI runs (.ci/run); npm run test:full — the
// full tier. Both start from a fresh machine: they install what they need
// (npm packages; Debian's chromium and postgresql, side by side), then run
// the checks (Prettier, ESLint and the production build at once, then tsc;
// the two migration histories), the unit tests (node:test, files in parallel,
// each on a database of its own) on SQLite and on a throwaway PostgreSQL
// cluster, and the end-to-end tests (Playwright, against the production
// build) on both databases. docs/testing.md says what each tier runs and why.
//
//   fast: PostgreSQL gets the whole browser suite in its production shape (two
//         instances, page cache on, the database stopped under a server of its
//         own); SQLite a tagged smoke set with the page cache off. The phone
//         only for what depends on layout; fuzzing at reduced strength.
//   full: every spec in every project on both databases, fuzzing at full
//         strength, the load-shaped tests, then what must be timed on a quiet
//         machine.
//
// It reports the time of every phase, writes them with the counts to
// test-results/summary.json, and ends with one line: "N passed, N failed".
//
//   npm test -- --db sqlite            one database: sqlite | postgresql
//   npm test -- --only unit            one part: checks | unit | e2e
//   npm test -- --grep "login"         other arguments go to Playwright
import fs from "node:fs";
import path from "node:path";
import { aptInstallMissing, ensureInstalled, ROOT } from "./lib/run.mjs";
import { checks, e2e, migrationHistories, stepTimer, unit } from "./lib/test-phases.mjs";

const started = performance.now();
const args = process.argv.slice(2);
function option(name) {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : null;
}
const tier = option("--tier") ?? "fast";
const only = option("--only");
const dbChoice = option("--db") ?? "all";
if (!["fast", "full"].includes(tier)) throw new Error(`--tier fast | full, not ${tier}`);
const wants = (part) => !only || only === part;
const onDb = (provider) => dbChoice === "all" || dbChoice === provider;
/** The fast tier's budget from a clean clone (the issue that made the tiers: 15 minutes on 2 cores). */
const FAST_BUDGET_SECONDS = 15 * 60;

/** @type {{ name: string, seconds: number, passed: number, failed: number, steps?: object[], projects?: object }[]} */
const phases = [];

/** Run one phase: its heading, its time, its counts (an exception is one failure). */
async function phase(name, work) {
  console.log(`\n━━ ${name} ${"━".repeat(Math.max(0, 70 - name.length))}`);
  const at = performance.now();
  const result = { passed: 0, failed: 0 };
  try {
    Object.assign(result, (await work()) ?? {});
  } catch (error) {
    console.error(error);
    result.failed += 1;
  }
  phases.push({ name, seconds: Math.round((performance.now() - at) / 100) / 10, ...result });
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.TEST_TIER = tier;
const pg = await import("./lib/postgres.mjs");
const clusters = [];
const needsBrowser = wants("e2e");
const needsPostgres = onDb("postgresql") && (wants("unit") || wants("e2e") || wants("checks"));

try {
  await phase("install: npm ci, Debian packages", async () => {
    const { steps, time } = stepTimer();
    await Promise.all([
      time("npm ci (when the lockfile changed)", async () => (await ensureInstalled(), true)),
      time("Debian packages (when missing)", async () => {
        await aptInstallMissing([
          ...(needsBrowser
            ? [["chromium", () => !!process.env.PLAYWRIGHT_CHROMIUM_PATH || fs.existsSync("/usr/bin/chromium")]]
            : []),
          ...(needsPostgres ? [["postgresql", () => pg.pgBinDir() !== null]] : []),
        ]);
        return true;
      }),
    ]);
    return { failed: steps.filter((s) => !s.ok).length, steps };
  });
  let main = null;
  if (needsPostgres) {
    await phase("PostgreSQL: throwaway clusters", async () => {
      main = pg.startCluster({ port: Number(process.env.PG_TEST_PORT ?? 55433) });
      clusters.push(main);
      console.log(`PostgreSQL on 127.0.0.1:${main.port}`);
      if (wants("e2e")) {
        // The faults server's own: its tests stop it while the others run.
        clusters.push(pg.startCluster({ port: main.port + 1 }));
        console.log(`PostgreSQL for the faults tests on 127.0.0.1:${main.port + 1}`);
      }
    });
  }
  if (wants("checks")) {
    await phase("checks: Prettier, ESLint, build, tsc, page weight", () => checks());
    await phase("checks: migration histories", () => migrationHistories(main?.url));
  }
  const testDb = await import("./lib/test-db.mjs");
  /** Point the test databases at `provider` (scripts/lib/test-db.mjs reads TEST_DATABASE_URL); false if it is not in this run. */
  const pointAt = (provider) => {
    if (!onDb(provider) || (provider === "postgresql" && !main)) return false;
    if (provider === "postgresql") process.env.TEST_DATABASE_URL = main.url;
    else delete process.env.TEST_DATABASE_URL;
    return true;
  };
  // A file that never reaches the database runs once, in the first unit phase.
  let dbFree = true;
  for (const provider of ["sqlite", "postgresql"]) {
    if (!wants("unit") || !pointAt(provider)) continue;
    const label = `unit (${provider}${dbFree ? "" : ", files that reach the database"})`;
    await phase(label, () => unit(testDb.unitDatabaseUrl(), provider, { dbFree }));
    dbFree = false;
  }
  if (wants("e2e")) {
    // PostgreSQL first: the production shape, the whole browser suite.
    if (pointAt("postgresql")) {
      await phase(`e2e (postgresql, two instances${tier === "fast" ? "" : ", every project"})`, () =>
        e2e(args, {
          E2E_INSTANCES: "1",
          PAGE_CACHE: "1",
          E2E_FAULTS_CLUSTER: JSON.stringify(clusters[1]),
        }),
      );
    }
    if (pointAt("sqlite")) {
      await phase(`e2e (sqlite, page cache off${tier === "fast" ? ", smoke set" : ", every project"})`, () =>
        e2e(args, { PAGE_CACHE: "0" }),
      );
    }
    if (tier === "full") {
      // Alone on the machine: a comparison of times means nothing under load.
      for (const provider of ["postgresql", "sqlite"]) {
        if (!pointAt(provider)) continue;
        await phase(`e2e timing (${provider}, quiet machine)`, () => e2e(args, { E2E_SUITE: "quiet" }));
      }
    }
  }
} catch (error) {
  console.error(error);
  phases.push({ name: "test run", seconds: 0, passed: 0, failed: 1 });
} finally {
  for (const cluster of clusters) pg.destroyCluster(cluster);
}

const seconds = Math.round((performance.now() - started) / 1000);
const totals = phases.reduce((t, p) => ({ passed: t.passed + p.passed, failed: t.failed + p.failed }), {
  passed: 0,
  failed: 0,
});
// Rounded first, so 359.6 s reads 6:00 and never 5:60.
const minutes = (s) => {
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};
const overBudget = tier === "fast" && !only && dbChoice === "all" && seconds > FAST_BUDGET_SECONDS;
const summary = {
  tier,
  only,
  db: dbChoice,
  seconds,
  budgetSeconds: FAST_BUDGET_SECONDS,
  overBudget,
  ...totals,
  phases,
};
fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "test-results", "summary.json"), JSON.stringify(summary, null, 2) + "\n");

console.log(`\n━━ Summary (${tier} tier) ${"━".repeat(50)}`);
const width = Math.max(...phases.map((p) => p.name.length));
for (const p of phases) {
  const counts = p.passed || p.failed ? `${p.passed} passed, ${p.failed} failed` : "";
  console.log(`${p.failed ? "✗" : "✓"} ${p.name.padEnd(width)} ${minutes(p.seconds).padStart(6)}  ${counts}`);
  for (const s of p.steps ?? [])
    console.log(`    ${s.ok ? " " : "✗"} ${s.name.padEnd(width - 4)} ${minutes(s.seconds).padStart(6)}`);
  for (const [name, q] of Object.entries(p.projects ?? {})) {
    const tests = `${q.passed} passed, ${q.failed} failed (${minutes(q.testSeconds)} of tests)`;
    console.log(`    ${q.failed ? "✗" : " "} ${`project ${name}`.padEnd(width - 4)} ${"".padStart(6)}  ${tests}`);
  }
}
console.log(`  ${"total".padEnd(width)} ${minutes(seconds).padStart(6)}  (test-results/summary.json)`);
if (overBudget) {
  console.log(
    `⚠ The fast tier took ${minutes(seconds)}, over its budget of ${minutes(FAST_BUDGET_SECONDS)}: see docs/testing.md.`,
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
