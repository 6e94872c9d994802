import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT as PORT, E2E_URLS } from "./e2e/support/servers";

// End-to-end tests run against the production build (npm run build), served
// by scripts/e2e-server.mjs on a database of their own (var/e2e.db, or the
// PostgreSQL database E2E_DATABASE_URL names). Two servers share it:
//  - the main one trusts X-Forwarded-For (TRUST_PROXY=1), so every test can
//    present its own client address and the brute-force limits of one test
//    never touch another;
//  - a second one does not, to prove a client cannot choose its address.
// Both use the production rate limits (RATE_LIMIT_SCALE unset).

// Names this run, so the second server waits for the database the first one
// has just reset rather than for a leftover of an earlier run.
process.env.E2E_RUN_ID ??= `${Date.now()}-${process.pid}`;

const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const launchOptions = {
  executablePath: chromiumPath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

const server = (port: number, extra: Record<string, string>) => ({
  command: "node scripts/e2e-server.mjs",
  url: `http://localhost:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: { E2E_PORT: String(port), E2E_RUN_ID: process.env.E2E_RUN_ID!, ...extra },
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: E2E_URLS.main,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // The JSON API needs no browser: its specs run once, here.
    { name: "api", testMatch: /api-.*\.spec\.ts/ },
    {
      name: "desktop",
      testIgnore: /api-.*\.spec\.ts/,
      // Browser zones and languages differ from each other and from the
      // server's (Asia/Kathmandu): dates must follow the viewer.
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        locale: "en-GB",
        timezoneId: "America/New_York",
        launchOptions,
      },
    },
    {
      name: "phone",
      testIgnore: /api-.*\.spec\.ts/,
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        locale: "en-US",
        timezoneId: "Europe/Paris",
        launchOptions,
      },
    },
  ],
  webServer: [
    server(PORT, { TRUST_PROXY: "1", E2E_RESET_DB: "1" }),
    server(PORT + 1, { WEB_CONCURRENCY: "1", E2E_WAIT_FOR_DB: "1" }),
  ],
});
