// @ts-check
// A worker's graceful stop on SIGTERM (or SIGINT): /api/health turns 503 so
// the load balancer stops sending, the server keeps accepting for `drainMs`
// (and until every connection accepted meanwhile has sent its request), then
// stops accepting, lets in-flight requests finish (at most `graceMs`), closes
// the database pool and exits.
import { bridge } from "./bridge.mjs";
import { log } from "./log.mjs";

/** @param {import("node:http").Server} server @param {{ drainMs: number, graceMs: number }} timing */
export function stopGracefullyOnSignals(server, { drainMs, graceMs }) {
  /** @param {string} signal */
  const stop = async (signal) => {
    if (bridge().stopping) return;
    // /api/health answers 503 from now on, so a load balancer stops sending.
    bridge().stopping = true;
    log(`${signal}: finishing in-flight requests`);
    // server.close() also closes every connection without a request in
    // progress, which includes one just accepted whose request is still
    // unread: a worker busy hashing passwords reads it late, and closing then
    // resets a request its client already sent. So such connections are
    // awaited too (bounded: a client that never sends is closed after drainMs more).
    /** @type {Set<import("node:net").Socket>} */
    const unread = new Set();
    const accepted = (/** @type {import("node:net").Socket} */ socket) => {
      unread.add(socket);
      socket.once("close", () => unread.delete(socket));
    };
    const read = (/** @type {import("node:http").IncomingMessage} */ req) => unread.delete(req.socket);
    server.on("connection", accepted);
    server.on("request", read);
    // Keep accepting for a moment: connections already queued in the kernel
    // (a client's request on its way) would be reset if the socket closed now.
    await sleep(drainMs);
    for (const until = Date.now() + drainMs; unread.size > 0 && Date.now() < until; ) await sleep(25);
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
