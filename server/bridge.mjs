// @ts-check
// Every value handed between the Node front (server/) and the app at run
// time, in one typed place.
//
// The app is bundled by Next.js (and proxy.ts separately), so a module the
// server imports and the "same" module the app imports are different copies
// in one process: a plain module-level variable is not shared. One object
// under one registered symbol is; this file is its only owner, and everything
// else reaches it through `bridge()`.
import { AsyncLocalStorage } from "node:async_hooks";

/** @typedef {{ actionStarted: boolean }} FormPost */

/**
 * @typedef {object} DatabaseHealth
 * @property {boolean} down  set by lib/db when a query cannot reach the database
 * @property {number} since  when it went down (ms)
 * @property {number} lastProbe  when proxy.ts last asked whether it is back (ms)
 * @property {(() => Promise<unknown>) | undefined} probe  one cheap query (set by lib/db)
 */

/**
 * @typedef {object} Bridge
 * @property {AsyncLocalStorage<FormPost>} formPosts
 *   server → app. Every page form post runs inside it; the action wrappers
 *   (lib/safe-action.ts) mark `actionStarted`, after which a 500 is our fault,
 *   not a malformed request's (server/bad-input.mjs).
 * @property {DatabaseHealth} database
 *   lib/db → proxy.ts and the server: whether this process can reach its database.
 * @property {boolean} stopping
 *   server → app. Set on SIGTERM; /api/health answers 503 from then on.
 * @property {((sessionToken: string) => Promise<{ stamp: string, until: number | null } | null>) | undefined} signedInPageStamp
 *   app → server (instrumentation.ts). Who a session is and the content
 *   version, and when the next party starts, for the page cache; null when
 *   the session is not live.
 * @property {unknown} databaseClient
 *   lib/db's one Prisma client per process (development reloads modules).
 * @property {(() => Promise<void>) | undefined} closeDatabase
 *   app → server. Closes the pool after the last request of a graceful stop.
 * @property {(() => Promise<void>) | undefined} stopMail
 *   app → server (instrumentation.ts). Stops this process's mail sender after
 *   the last request of a graceful stop: the mail in flight is finished.
 */

const KEY = Symbol.for("dinnerparty.bridge");

/** @returns {Bridge} */
export function bridge() {
  const g = /** @type {{ [KEY]?: Bridge }} */ (globalThis);
  return (g[KEY] ??= {
    formPosts: new AsyncLocalStorage(),
    database: { down: false, since: 0, lastProbe: 0, probe: undefined },
    stopping: false,
    signedInPageStamp: undefined,
    databaseClient: undefined,
    closeDatabase: undefined,
    stopMail: undefined,
  });
}
