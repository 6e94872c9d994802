// The server the end-to-end tests run against (started by Playwright, see
// playwright.config.ts): the production build, a test database and a fixed
// test AUTH_SECRET. With E2E_RESET_DB=1 it empties the database and migrates
// it first; with E2E_WAIT_FOR_DB=1 it waits until that is done. E2E_DB=faults:
// the faults server's own database instead of the shared one.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/run.mjs";
import { e2eDatabaseUrl, faultsDatabaseUrl, resetDatabase } from "./lib/test-db.mjs";

const suite = process.env.E2E_DB === "faults" ? "faults" : "e2e";
const marker = path.join(ROOT, "var", `${suite}-ready-${process.env.E2E_RUN_ID ?? "manual"}`);

process.env.DATABASE_URL = suite === "faults" ? faultsDatabaseUrl() : e2eDatabaseUrl();
process.env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";
process.env.PORT = process.env.E2E_PORT ?? "3100";
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// An unusual zone (UTC+05:45): any date handled in the server's own zone
// instead of the viewer's or UTC shows up as a wrong time in the tests.
process.env.TZ = process.env.E2E_SERVER_TZ ?? "Asia/Kathmandu";

if (process.env.E2E_RESET_DB === "1") {
  // A fresh checkout has no var/ until something writes there.
  fs.mkdirSync(path.join(ROOT, "var"), { recursive: true });
  for (const old of fs.readdirSync(path.join(ROOT, "var")).filter((f) => f.startsWith(`${suite}-ready-`))) {
    fs.rmSync(path.join(ROOT, "var", old), { force: true });
  }
  await resetDatabase(process.env.DATABASE_URL);
  fs.writeFileSync(marker, "ready");
} else if (process.env.E2E_WAIT_FOR_DB === "1") {
  const deadline = Date.now() + 120_000;
  while (!fs.existsSync(marker)) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the e2e database");
    await new Promise((r) => setTimeout(r, 200));
  }
}

await import("../server/index.mjs");
