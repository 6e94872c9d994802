// Which database DATABASE_URL selects, shared by the app, the Prisma CLI config
// and the scripts. Plain module (no `server-only`): prisma.config.ts loads it.
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

/** The repo root (every script and the server run from it): relative SQLite
 * paths are resolved from here. */
export const ROOT = process.cwd();

export const DEFAULT_SQLITE_FILE = path.join(/* turbopackIgnore: true */ ROOT, "var", "dinnerparty.db");

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : `file:${DEFAULT_SQLITE_FILE}`;
}

export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** `file:./x.db`, `file:/abs/x.db` or a bare path → absolute file path. */
export function sqliteFile(url = databaseUrl()): string {
  const raw = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  if (raw === ":memory:") return raw;
  // A runtime path, not a file the build should trace.
  return path.isAbsolute(raw) ? raw : path.resolve(/* turbopackIgnore: true */ ROOT, raw);
}

export function schemaFolder(provider: DatabaseProvider): string {
  return path.join(/* turbopackIgnore: true */ ROOT, "prisma", provider);
}
