// Whether this process can reach its database, shared by the app, proxy.ts
// (separate bundles) and the server through server/bridge.mjs. Connection failures
// mark it down; proxy.ts then answers 503 at once and probes, at most every
// second, until the database answers again — no restart needed.

import { bridge } from "@/server/bridge.mjs";

export const dbHealth = bridge().database;

export function markDatabaseDown(): void {
  if (!dbHealth.down) {
    dbHealth.down = true;
    dbHealth.since = Date.now();
    console.error("[dinnerparty] database unreachable: answering 503 until it is back");
  }
}

export function markDatabaseUp(): void {
  if (dbHealth.down) {
    dbHealth.down = false;
    console.error("[dinnerparty] database reachable again");
  }
}

/** True when requests should get 503: down, and a fresh probe did not succeed. */
export async function databaseUnavailable(now = Date.now()): Promise<boolean> {
  if (!dbHealth.down) return false;
  if (dbHealth.probe && now - dbHealth.lastProbe >= 1000) {
    dbHealth.lastProbe = now;
    try {
      await dbHealth.probe();
      markDatabaseUp();
    } catch {
      // still down
    }
  }
  return dbHealth.down;
}

/** Thrown where a missing answer would otherwise look like "no session". */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";
  constructor() {
    super("The database is unreachable.");
  }
}
