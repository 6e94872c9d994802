// @ts-check
// The primary process: one worker per core (WEB_CONCURRENCY), all on one port
// through node:cluster. Nothing the app needs lives in process memory
// (sessions, rate limits and flash messages are in the database), so any
// worker can answer any request, and one that dies is simply replaced.
import cluster from "node:cluster";
import process from "node:process";
import { log } from "./log.mjs";
import { config, readyLines } from "./shared.mjs";

/**
 * @param {{ exec: string, args: string[], workers: number, port: number, giveUpAfterMs: number }} options
 *   `exec` is the file each worker runs; `giveUpAfterMs`, how long a stop
 *   waits for the workers' own graceful stop before exiting anyway.
 */
export function runPrimary({ exec, args, workers, port, giveUpAfterMs }) {
  let stopping = false;
  cluster.setupPrimary({ exec, args });
  const spawn = () => cluster.fork();
  for (let i = 0; i < workers; i++) spawn();
  log(`serving on port ${port} with ${workers} workers`);

  let served = false;
  cluster.on("listening", () => {
    if (!served) for (const line of readyLines(config())) log(line);
    served = true;
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!served) {
      // Failing before ever listening is a setup error, not bad luck: stop.
      log(`worker ${worker.process.pid} failed to start (${signal ?? code}); exiting`);
      stop("startup failure", 1);
      return;
    }
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(spawn, 500);
  });

  /** @param {string} reason @param {number} [exitCode] */
  function stop(reason, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    log(`${reason}: stopping workers`);
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(exitCode);
    for (const worker of alive) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), giveUpAfterMs).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
