import { defineConfig, devices, type PlaywrightTestConfig, type Project } from "@playwright/test";
import { E2E_PORT as PORT, E2E_URLS } from "./e2e/support/servers";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/lib/chromium.mjs";

// End-to-end tests run against the production build (npm run build), served
// by scripts/e2e-server.mjs on a database of their own (var/e2e.db, or a
// database on the PostgreSQL server TEST_DATABASE_URL names). scripts/test.mjs
// runs this once per database; docs/testing.md says what runs where.
//
// Servers, sharing that database:
//  - main: trusts X-Forwarded-For (TRUST_PROXY=1), so every test presents its
//    own client address and the brute-force limits of one test never touch
//    another; two worker processes;
//  - untrusted: does not, to prove a client cannot choose its address;
//  - cached: the page cache always on, one worker (e2e/api-visibility.spec.ts);
//  - instance B (E2E_INSTANCES=1, on PostgreSQL): a second app instance, for
//    the several-instances tests;
// and the faults server, on a database of its own that its tests take away:
// PostgreSQL stopped and started (a cluster of its own, E2E_FAULTS_CLUSTER),
// or SQLite's write lock held.
// All use the production rate limits (RATE_LIMIT_SCALE unset). Each server
// gets this process's environment plus its own `env` below, so a setting
// such as PAGE_CACHE=0 given to the run reaches every one of them.
//
// Tiers (TEST_TIER): `full` runs every spec in every project. `fast` (npm test)
// runs on PostgreSQL the API and every browser spec on the desktop, and on
// the phone only what is tagged @layout; on SQLite only what is tagged
// @smoke or @nojs. E2E_SUITE=quiet runs alone what must be timed on a quiet
// machine (the full tier's last step).

// Names this run, so the other servers wait for the database the first one
// has just reset rather than for a leftover of an earlier run.
process.env.E2E_RUN_ID ??= `${Date.now()}-${process.pid}`;

const launchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
const full = process.env.TEST_TIER === "full";
const onPostgres = !!process.env.TEST_DATABASE_URL;
const instances = process.env.E2E_INSTANCES === "1";

const server = (port: number, extra: Record<string, string>) => ({
  command: "node scripts/e2e-server.mjs",
  url: `http://localhost:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  // Reminders looked for every second, so a test sees one soon (and would see a second one).
  env: { E2E_PORT: String(port), E2E_RUN_ID: process.env.E2E_RUN_ID!, REMINDER_SCAN_MS: "1000", ...extra },
});

const common: PlaywrightTestConfig = {
  testDir: "e2e",
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  outputDir: "test-results/e2e",
  use: { baseURL: E2E_URLS.main, trace: "retain-on-failure", launchOptions },
};

const QUIET_ONLY = /timing\.spec\.ts/;
const FAULTS = onPostgres ? /faults\.spec\.ts/ : /faults-sqlite\.spec\.ts/;
const API_SPECS = /api-.*\.spec\.ts/;
const NOT_BROWSER = [API_SPECS, /(?:instances|faults(?:-sqlite)?|timing)\.spec\.ts/];
/** What the fast tier runs on SQLite: every page rendered, a journey per domain, the no-JavaScript journeys. */
const SMOKE = /@smoke|@nojs/;

const desktop: Project = {
  name: "desktop",
  testIgnore: NOT_BROWSER,
  // Browser zones and languages differ from each other and from the
  // server's (Asia/Kathmandu): dates must follow the viewer.
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "America/New_York",
    launchOptions,
  },
};
const phone: Project = {
  name: "phone",
  testIgnore: NOT_BROWSER,
  use: {
    ...devices["Pixel 7"],
    viewport: { width: 390, height: 844 },
    screen: { width: 390, height: 844 },
    locale: "en-US",
    timezoneId: "Europe/Paris",
    launchOptions,
  },
};
// Serial, on the faults server: one at a time beside the rest of the suite.
const faults: Project = { name: "faults", testMatch: FAULTS, workers: 1, use: { baseURL: E2E_URLS.faults } };
// The JSON API needs no browser: its specs run once, here.
const api: Project = { name: "api", testMatch: API_SPECS };

// In this order: the serial and the long ones first, so that the many short
// ones fill the workers at the end rather than one long test alone.
function projects(): Project[] {
  const several = instances ? [{ name: "instances", testMatch: /instances\.spec\.ts/ }] : [];
  if (full) return [faults, ...several, phone, desktop, api];
  if (onPostgres) return [faults, ...several, { ...phone, grep: /@layout/ }, desktop, api];
  return [faults, { ...desktop, grep: SMOKE }, { ...api, grep: SMOKE }];
}

const faultsServer = server(PORT + 4, { E2E_DB: "faults", E2E_RESET_DB: "1", TRUST_PROXY: "1", WEB_CONCURRENCY: "1" });

const main: PlaywrightTestConfig = {
  ...common,
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  projects: projects(),
  webServer: [
    server(PORT, { TRUST_PROXY: "1", E2E_RESET_DB: "1", CORS_ORIGINS: "https://frontend.example" }),
    faultsServer,
    // Only the specs the SQLite smoke set leaves out use these two.
    ...(full || onPostgres
      ? [
          server(PORT + 1, { WEB_CONCURRENCY: "1", E2E_WAIT_FOR_DB: "1" }),
          // The page cache on even in the run that turns it off, so who may see an
          // invite-only party is checked through it on both databases.
          server(PORT + 3, { PAGE_CACHE: "1", TRUST_PROXY: "1", WEB_CONCURRENCY: "1", E2E_WAIT_FOR_DB: "1" }),
        ]
      : []),
    ...(instances ? [server(PORT + 2, { TRUST_PROXY: "1", WEB_CONCURRENCY: "1", E2E_WAIT_FOR_DB: "1" })] : []),
  ],
};

// What must be timed, alone on one server: a comparison of times means
// nothing while other tests load the machine.
const quiet: PlaywrightTestConfig = {
  ...common,
  workers: 1,
  projects: [{ name: "quiet", testMatch: QUIET_ONLY }],
  webServer: [server(PORT, { TRUST_PROXY: "1", E2E_RESET_DB: "1", WEB_CONCURRENCY: "1" })],
};

export default defineConfig(process.env.E2E_SUITE === "quiet" ? quiet : main);
