// A driver-adapter factory for SQLite that keeps committed data safe under
// concurrency, in one process and across several.
//
// - better-sqlite3 has one connection per process. Prisma's stock adapter lets a
//   query from another request run on that connection while an interactive
//   transaction is open, i.e. inside it. Here every statement and every
//   transaction takes the same process-wide lock, so a transaction is alone on
//   the connection.
// - Transactions start with BEGIN IMMEDIATE: the write lock is taken up front
//   and waited for (busy timeout), never upgraded later, which in WAL mode fails
//   at once with SQLITE_BUSY ("database is locked") when another process wrote.
// - WAL lets readers run beside the single writer; synchronous=NORMAL is the
//   recommended pairing (a power cut may lose the last commits, never corrupt).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

const PRAGMAS = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
`;

/** A FIFO lock for async work. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class SerializedSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #lock = new Lock();

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#lock.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      // SQLite transactions are serializable; refuse what we cannot give.
      throw new Error(`SQLite does not support isolation level ${isolationLevel}`);
    }
    const release = await this.#lock.acquire();
    try {
      await this.#inner.executeScript("BEGIN IMMEDIATE");
    } catch (error) {
      release();
      throw error;
    }
    const inner = this.#inner;
    let open = true;
    const end = () => {
      if (open) {
        open = false;
        release();
      }
      return Promise.resolve();
    };
    // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls
    // commit() / rollback(), which only need to give the connection back.
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: end,
      rollback: end,
    };
  }

  dispose() {
    return this.#lock.run(() => this.#inner.dispose());
  }
}

export class SqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #base: PrismaBetterSQLite3;

  constructor(file: string, busyTimeoutMs = 10_000) {
    this.#base = new PrismaBetterSQLite3({ url: file, timeout: busyTimeoutMs });
    this.adapterName = this.#base.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const inner = await this.#base.connect();
    await inner.executeScript(PRAGMAS);
    return new SerializedSqliteAdapter(inner);
  }
}
