// @ts-check
// The DinnerParty HTTP server: Next.js behind a small Node front.
//
// - One worker process per core (WEB_CONCURRENCY) behind one port
//   (./cluster.mjs).
// - The client's address and scheme are decided here, once
//   (./client-address.mjs): Next.js would keep whatever X-Forwarded-For a
//   client sends.
// - Oversized bodies and undecodable form posts get a 4xx, and undecodable
//   addresses a 404, not a 500 (./bad-input.mjs).
// - A few seconds of memory for the pages asked for most (./page-cache.mjs);
//   PAGE_CACHE=0 turns it off.
// - SIGTERM: /api/health turns 503, in-flight requests finish, the database
//   pool closes (./shutdown.mjs).
//
// Usage: node server/index.mjs [--dev]. Migrations run before this (scripts/start.mjs).
import cluster from "node:cluster";
import http from "node:http";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { blameInputFor500, refuseBadActionId, refuseBody, undecodableTarget } from "./bad-input.mjs";
import { bridge } from "./bridge.mjs";
import { normaliseHeaders } from "./client-address.mjs";
import { runPrimary } from "./cluster.mjs";
import { log } from "./log.mjs";
import { createPageCache } from "./page-cache.mjs";
import { MAX_DRAINS, stopGracefullyOnSignals } from "./shutdown.mjs";
import { config, readyLines, startupProblems } from "./shared.mjs";

const dev = process.argv.includes("--dev");
// Next.js's types make NODE_ENV read-only; it is ours to set before Next.js loads.
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV ??= dev ? "development" : "production";
// The .env files as Next.js would read them, so that the check below sees what
// the app will (npm start has loaded them already; a direct start has not).
// (@next/env is CommonJS: its functions are on the default export.)
const { default: nextEnv } = await import("@next/env");
nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
// The whole environment is checked before anything else starts (server/config.mjs).
const problems = startupProblems(process.env);
if (problems.length > 0) {
  console.error(`[dinnerparty] cannot start:\n  - ${problems.join("\n  - ")}`);
  process.exit(1);
}
const { port, host, trustProxy, shutdownDrainMs, shutdownGraceMs, pageCache } = config();
const workers = dev ? 1 : config().workers;

if (cluster.isPrimary && workers > 1) {
  runPrimary({
    // Workers run this file, whichever script imported it in the primary.
    exec: fileURLToPath(import.meta.url),
    args: process.argv.slice(2),
    workers,
    port,
    giveUpAfterMs: MAX_DRAINS * shutdownDrainMs + shutdownGraceMs + 2_000,
  });
} else {
  await runWorker();
}

async function runWorker() {
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Not in development, where every page must show the code just saved.
  const keepPages = !dev && pageCache;
  if (!dev && !keepPages) log("page cache off (PAGE_CACHE=0)");
  // The app reports its database health and (instrumentation.ts) the session
  // and content-version check through the bridge.
  const pages = keepPages
    ? createPageCache({
        isDatabaseDown: () => bridge().database.down,
        signedInStamp: async (token) => (await bridge().signedInPageStamp?.(token)) ?? null,
      })
    : null;
  const formPosts = bridge().formPosts;

  const server = http.createServer(async (req, res) => {
    // While stopping, finish this request but tell the client not to reuse the connection.
    if (bridge().stopping) res.setHeader("Connection", "close");
    normaliseHeaders(req, trustProxy);
    if (refuseBody(req, res)) return;
    const missing = undecodableTarget(req.url ?? "");
    if (missing) req.url = missing;
    if (pages) {
      const ticket = await pages.keyOf(req).catch(() => null);
      if (ticket !== null) {
        if (pages.serve(req, res, ticket)) return;
        pages.record(req, res, ticket);
      }
    }
    if (req.method === "POST" && !(req.url ?? "").startsWith("/api/")) {
      if (refuseBadActionId(req, res)) return;
      // Only form posts can reach a Server Action: only they carry the context.
      const context = { actionStarted: false };
      blameInputFor500(res, context);
      formPosts.run(context, () => passToNext(req, res));
      return;
    }
    passToNext(req, res);
  });

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  function passToNext(req, res) {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      }
      res.end(JSON.stringify({ message: "Something went wrong. Please try again." }));
    });
  }
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  server.listen(port, host, () => {
    if (!cluster.isWorker) for (const line of readyLines(config())) log(line);
  });

  stopGracefullyOnSignals(server, { drainMs: shutdownDrainMs, graceMs: shutdownGraceMs });
}
