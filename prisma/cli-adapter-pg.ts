// PostgreSQL adapter for the Prisma CLI. Filled in with the PostgreSQL work.
import { PrismaPg } from "@prisma/adapter-pg";

export function pgCliAdapter(url: string) {
  return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
}
