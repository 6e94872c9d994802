// Direct access to the end-to-end database, for what no page or API can show:
// what is stored (session rows, hashes) and the passage of time (expiring a
// session). Uses the same database URL as scripts/e2e-server.mjs.
import Database from "better-sqlite3";
import pg from "pg";
import { e2eDatabaseUrl } from "../../scripts/lib/test-db.mjs";

const url: string = e2eDatabaseUrl();

export function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return sqlAt<T>(url, query, params);
}

/** The same on another database (the faults server's). */
export async function sqlAt<T = Record<string, unknown>>(
  url: string,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { timeout: 10_000 });
    try {
      // Same SQL for both: $1, $2 … become positional ? for SQLite.
      const args: unknown[] = [];
      const stmt = db.prepare(
        query.replace(/\$(\d+)/g, (_, n: string) => {
          args.push(params[Number(n) - 1]);
          return "?";
        }),
      );
      return (stmt.reader ? stmt.all(...args) : (stmt.run(...args), [])) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Dates come back as ISO text (SQLite) or Date (PostgreSQL). */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** A timestamp as the app stores it (Prisma writes ISO 8601 text to SQLite). */
export function dbDate(date: Date): string | Date {
  return url.startsWith("file:") ? date.toISOString().replace("Z", "+00:00") : date;
}
