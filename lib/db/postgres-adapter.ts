// The PostgreSQL driver adapter, watched: connection failures mark the
// database down (lib/db/health.ts) so the app answers 503 instead of
// pretending nobody is logged in; the next successful query marks it up.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { isDatabaseUnavailable } from "./errors";
import { dbHealth, markDatabaseDown, markDatabaseUp } from "./health";

async function watched<T>(work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    if (dbHealth.down) markDatabaseUp();
    return result;
  } catch (error) {
    if (isDatabaseUnavailable(error)) markDatabaseDown();
    throw error;
  }
}

export class PostgresAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly #base: PrismaPg;

  constructor(connectionString: string, poolSize: number) {
    this.#base = new PrismaPg(
      {
        connectionString,
        max: poolSize,
        // Fail fast while the server is away rather than queue forever.
        connectionTimeoutMillis: 5_000,
        idleTimeoutMillis: 30_000,
      },
      { onPoolError: markDatabaseDown, onConnectionError: markDatabaseDown },
    );
    this.adapterName = this.#base.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inner = await watched(() => this.#base.connect());
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: (q) => watched(() => inner.queryRaw(q)),
      executeRaw: (q) => watched(() => inner.executeRaw(q)),
      executeScript: (s) => watched(() => inner.executeScript(s)),
      startTransaction: (level) => watched(() => inner.startTransaction(level)),
      getConnectionInfo: inner.getConnectionInfo?.bind(inner),
      dispose: () => inner.dispose(),
    };
  }
}
