// @ts-check
// A worker's graceful stop on SIGTERM (or SIGINT): /api/health turns 503 so
// the load balancer stops sending, the server keeps accepting for `drainMs`,
// then stops accepting, lets in-flight requests finish (at most `graceMs`),
// closes the database pool and exits.
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
    // Keep accepting for a moment: connections already queued in the kernel
    // (a client's request on its way) would be reset if the socket closed now.
    await new Promise((resolve) => setTimeout(resolve, drainMs));
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
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
