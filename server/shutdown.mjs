// @ts-check
// A worker's graceful stop on SIGTERM (or SIGINT): /api/health turns 503 so
// the load balancer stops sending, the server keeps accepting until no
// connection has come for `drainMs` (at most MAX_DRAINS × drainMs), then
// stops accepting, lets in-flight requests finish (at most `graceMs`), closes
// the database pool and exits.
import { bridge } from "./bridge.mjs";
import { log } from "./log.mjs";

/** The longest a stop keeps accepting, in units of the drain time. */
export const MAX_DRAINS = 5;

/** @param {import("node:http").Server} server @param {{ drainMs: number, graceMs: number }} timing */
export function stopGracefullyOnSignals(server, { drainMs, graceMs }) {
  /** @param {string} signal */
  const stop = async (signal) => {
    if (bridge().stopping) return;
    // /api/health answers 503 from now on, so a load balancer stops sending.
    bridge().stopping = true;
    log(`${signal}: finishing in-flight requests`);
    // Keep accepting until no connection has come for `drainMs`: a balancer
    // may still send for a moment, and a worker busy hashing passwords takes
    // the connections the kernel already queued only one by one — closing the
    // socket would reset those. server.close() also closes every connection
    // without a request in progress, which includes one accepted whose request
    // is still unread, so those are awaited too. Bounded by MAX_DRAINS × drainMs.
    /** @type {Set<import("node:net").Socket>} */
    const unread = new Set();
    let lastConnection = Date.now();
    server.on("connection", (/** @type {import("node:net").Socket} */ socket) => {
      lastConnection = Date.now();
      unread.add(socket);
      socket.once("close", () => unread.delete(socket));
    });
    server.on("request", (/** @type {import("node:http").IncomingMessage} */ req) => unread.delete(req.socket));
    const until = Date.now() + MAX_DRAINS * drainMs;
    while (Date.now() < until && (unread.size > 0 || Date.now() - lastConnection < drainMs)) await sleep(25);
    const force = setTimeout(() => {
      log("grace period over; closing remaining connections");
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    await new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeIdleConnections();
    });
    clearTimeout(force);
    // The mail in flight goes out (and the rest of its claim is handed back) before the pool closes.
    await Promise.race([
      bridge()
        .stopMail?.()
        .catch(() => {}),
      sleep(graceMs),
    ]);
    await bridge()
      .closeDatabase?.()
      .catch(() => {});
    log("stopped");
    process.exit(0);
  };
  const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
