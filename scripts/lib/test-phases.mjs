// The phases of scripts/test.mjs. Each returns its counts ({ passed, failed })
// for the run's report, and what it can say of its parts (`steps` with their
// times, or the e2e `projects`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, builtFromSources, ensureBuilt, migrationsToModelsDiff, must, nextBuild, ROOT, run } from "./run.mjs";
import { listUnitTests, reachesDatabase } from "./unit-files.mjs";

const secondsSince = (at) => Math.round((performance.now() - at) / 100) / 10;

/**
 * Runs named steps and keeps their times: what a phase reports beside its
 * own (test-results/summary.json). `ok` is false when the step failed.
 */
export function stepTimer() {
  /** @type {{ name: string, seconds: number, ok: boolean }[]} */
  const steps = [];
  return {
    steps,
    /** @template T @param {string} name @param {() => Promise<T>} work */
    async time(name, work, okOf = (/** @type {T} */ result) => result !== false) {
      const at = performance.now();
      let result;
      try {
        result = await work();
      } catch (error) {
        console.log(String(error?.message ?? error));
        result = false;
      }
      const ok = okOf(result);
      steps.push({ name, seconds: secondsSince(at), ok });
      console.log(`${ok ? "✓" : "✗"} ${name} (${secondsSince(at)} s)`);
      return result;
    },
  };
}

/** A command whose output is shown only if it fails: whether it succeeded. */
async function quietly(cmd, args, options = {}) {
  const { code, output } = await run(cmd, args, { ...options, quiet: true });
  if (code !== 0) process.stdout.write(output);
  return code === 0;
}

/**
 * Prettier, ESLint and the production build side by side (none writes what
 * another reads: the Prisma clients are generated first), then tsc — after
 * the build, which rewrites .next/types — and the page weight of the build.
 */
export async function checks() {
  const { steps, time } = stepTimer();
  await must("node", ["scripts/generate.mjs"], { quiet: true });
  const build = async () => {
    if (builtFromSources()) return (console.log("(the build was made from these very sources already)"), true);
    // tsc checks the whole project below: the build need not check it again.
    await nextBuild({ quiet: true, env: { DINNERPARTY_BUILD_SKIP_TYPECHECK: "1" } });
    return true;
  };
  const [, , built] = await Promise.all([
    time("prettier --check", () => quietly(bin("prettier"), ["--check", "--log-level", "warn", "."])),
    time("eslint", () => quietly(bin("eslint"), ["--max-warnings", "0", "."])),
    time("production build", build),
  ]);
  await time(
    "tsc --noEmit",
    async () => (await quietly(bin("next"), ["typegen"])) && quietly(bin("tsc"), ["--noEmit"]),
  );
  if (built) await time("page weight", async () => (await run("node", ["scripts/check-page-weight.mjs"])).code === 0);
  return { passed: steps.filter((s) => s.ok).length, failed: steps.filter((s) => !s.ok).length, steps };
}

/**
 * Both migration histories must produce exactly the shared models: replayed
 * into a scratch database, each must leave nothing to diff against
 * prisma/<provider> (whose models.prisma is the same file).
 */
export async function migrationHistories(pgUrl) {
  const counts = { passed: 0, failed: 0 };
  const targets = [["sqlite", `file:${path.join(ROOT, "var", "migrations-check.db")}`]];
  if (pgUrl) targets.push(["postgresql", pgUrl]);
  await Promise.all(
    targets.map(async ([provider, url]) => {
      const { code, output } = await run(bin("prisma"), migrationsToModelsDiff(provider, "--exit-code"), {
        env: { ...process.env, DATABASE_URL: url },
        quiet: true,
      });
      if (code !== 0) console.log(output);
      console.log(
        `${code === 0 ? "✓" : "✗"} ${provider}: ${code === 0 ? "migrations produce the models" : `migrations and models differ (exit ${code})`}`,
      );
      counts[code === 0 ? "passed" : "failed"]++;
    }),
  );
  return counts;
}

/**
 * The unit tests on one database: every file in a process of its own, as
 * many at once as the machine has cores (one more on PostgreSQL, whose
 * files wait on the server as much as they compute), each on its own copy
 * of a freshly migrated template (scripts/lib/unit-db.mjs). `dbFree`: also
 * the files that never reach the database (they run once per run).
 */
export async function unit(templateUrl, provider, { dbFree }) {
  const { dropUnitCopies, resetDatabase } = await import("./test-db.mjs");
  await dropUnitCopies(templateUrl);
  await resetDatabase(templateUrl);
  const files = listUnitTests(["lib", "server", "scripts"], provider).filter((f) => dbFree || reachesDatabase(f));
  const tap = path.join(ROOT, "test-results", `unit-${provider}.tap`);
  fs.mkdirSync(path.dirname(tap), { recursive: true });
  fs.rmSync(tap, { force: true });
  const concurrency = os.availableParallelism() + (provider === "postgresql" ? 1 : 0);
  console.log(`${files.length} files, ${concurrency} at a time`);
  await run(
    "node",
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "--import",
      "./scripts/lib/unit-db.mjs",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    {
      env: {
        ...process.env,
        UNIT_TEMPLATE_DATABASE_URL: templateUrl,
        DATABASE_URL: templateUrl,
        NODE_ENV: "test",
        RATE_LIMIT_SCALE: "",
        BCRYPT_COST: "",
        DB_QUERY_EVENTS: "1",
        // Keys the invitation and feed tokens (lib/tokens.ts).
        AUTH_SECRET: "unit-test-secret-not-for-production-0123456789",
        // An unusual zone, so code that uses the machine's zone fails loudly.
        TZ: "Asia/Kathmandu",
      },
    },
  );
  await dropUnitCopies(templateUrl);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
  // No summary: the runner stopped before the end (a failure in itself).
  const finished = /^# tests \d+$/m.test(text);
  return { passed: count("pass"), failed: count("fail") + count("cancelled") + count("skipped") + (finished ? 0 : 1) };
}

/** One Playwright run (playwright.config.ts reads `env`), with a real SMTP server catching the mail. */
export async function e2e(args, env) {
  await ensureBuilt();
  const json = path.join(ROOT, "test-results", "e2e-report.json");
  fs.rmSync(json, { force: true });
  // Every mail the app servers send arrives at a real SMTP server, as .eml files the tests read.
  const mailDir = path.join(ROOT, "test-results", "mail");
  const { startMailCatcher } = await import("./mail-catcher.mjs");
  const catcher = await startMailCatcher(mailDir);
  const { code } = await run(bin("playwright"), ["test", ...args], {
    env: { ...process.env, SMTP_URL: catcher.url, E2E_MAIL_DIR: mailDir, ...env },
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
  return { passed, failed, projects: report ? byProject(report) : {} };
}

/**
 * Each project's counts and the sum of its tests' times (workers run side by
 * side, so the sums add up to more than the phase took).
 */
function byProject(report) {
  /** @type {Record<string, { passed: number, failed: number, testSeconds: number }>} */
  const projects = {};
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const p = (projects[test.projectName] ??= { passed: 0, failed: 0, testSeconds: 0 });
        p[test.status === "expected" ? "passed" : "failed"]++;
        for (const result of test.results) p.testSeconds += result.duration / 1000;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  for (const p of Object.values(projects)) p.testSeconds = Math.round(p.testSeconds);
  return projects;
}
