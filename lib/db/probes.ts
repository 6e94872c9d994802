import "server-only";
import { db, type RawScalar } from "./index";

// What the infrastructure itself asks the database: no domain's data.

/**
 * The content version (prisma/models.prisma, ContentVersion): one number that
 * database triggers move with every change to users, parties and guests, in
 * the same transaction. Null while the row is missing (a database without the
 * triggers): then nothing may be kept on the strength of it.
 */
export async function contentVersion(): Promise<string | null> {
  const rows = await db.$queryRaw<{ value: RawScalar }[]>`SELECT "value" FROM "ContentVersion" WHERE "id" = 1`;
  const value = rows[0]?.value;
  return value === undefined || value === null ? null : String(value);
}

/** One cheap query: whether the database answers (health checks). */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
