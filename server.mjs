// @ts-check
// The DinnerParty HTTP server: Next.js behind a small Node front.
//
// - One worker process per core (WEB_CONCURRENCY), all on one port through
//   node:cluster. Nothing the app needs lives in process memory (sessions,
//   rate limits and flash messages are in the database), so any worker can
//   answer any request.
// - The client's address and scheme are decided here, once: from the socket,
//   or from X-Forwarded-For / X-Forwarded-Proto only when TRUST_PROXY=1.
//   Next.js would otherwise keep whatever X-Forwarded-For a client sends.
// - SIGTERM: /api/health turns 503 (the load balancer stops sending), the
//   server keeps accepting for SHUTDOWN_DRAIN_MS (1 s), then stops accepting,
//   lets in-flight requests finish (at most SHUTDOWN_GRACE_MS, 10 s), closes
//   the database pool and exits.
//
// Usage: node server.mjs [--dev]. Migrations run before this (scripts/start.mjs).
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { createPageCache } from "./server/page-cache.mjs";
import { bridge } from "./server/bridge.mjs";
import {
  CLIENT_IP_HEADER,
  DENY_ALL_CSP,
  MAX_API_BODY_BYTES,
  MAX_FORM_BODY_BYTES,
  PREFETCH_HEADER,
} from "./server/shared.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined; // all interfaces, IPv4 and IPv6
const trustProxy = process.env.TRUST_PROXY === "1";
const workers = dev ? 1 : Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY) || os.availableParallelism()));
const SHUTDOWN_DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 1_000);
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);

function log(message) {
  console.log(`[dinnerparty ${process.pid}] ${message}`);
}

if (cluster.isPrimary && workers > 1) {
  runPrimary();
} else {
  await runWorker();
}

function runPrimary() {
  let stopping = false;
  // Workers run this file, whichever script imported it in the primary.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: process.argv.slice(2) });
  const spawn = () => cluster.fork();
  for (let i = 0; i < workers; i++) spawn();
  log(`serving on port ${port} with ${workers} workers`);

  let served = false;
  cluster.on("listening", () => (served = true));
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

  function stop(reason, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    log(`${reason}: stopping workers`);
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(exitCode);
    for (const worker of alive) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), SHUTDOWN_DRAIN_MS + SHUTDOWN_GRACE_MS + 2_000).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** "::ffff:127.0.0.1" → "127.0.0.1" */
function plainAddress(address) {
  return (address ?? "unknown").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/** @param {http.IncomingMessage} req */
function normaliseHeaders(req) {
  const h = req.headers;
  const socketIp = plainAddress(req.socket.remoteAddress);
  const scheme = /** @type {any} */ (req.socket).encrypted ? "https" : "http";
  delete h[CLIENT_IP_HEADER];
  delete h[PREFETCH_HEADER];
  if (h["next-router-prefetch"] || h["next-router-segment-prefetch"]) h[PREFETCH_HEADER] = "1";
  if (trustProxy) {
    // Our proxy appends the address it saw: the right-most entry is the one it vouches for.
    const forwarded = String(h["x-forwarded-for"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    h[CLIENT_IP_HEADER] = plainAddress(forwarded.at(-1) ?? socketIp);
    h["x-forwarded-proto"] = String(h["x-forwarded-proto"] ?? scheme)
      .split(",")[0]
      .trim();
  } else {
    delete h["x-forwarded-for"];
    delete h["x-forwarded-host"];
    delete h["x-forwarded-port"];
    h[CLIENT_IP_HEADER] = socketIp;
    h["x-forwarded-proto"] = scheme;
  }
}

// Request bodies are small here: a JSON call or a form. Larger ones are
// refused before any work (no parsing, no hashing of a 100 KB "password").

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function refuseBody(req, res) {
  const api = (req.url ?? "").startsWith("/api/");
  const limit = api ? MAX_API_BODY_BYTES : MAX_FORM_BODY_BYTES;
  const declared = Number(req.headers["content-length"] ?? 0);
  const chunked = /chunked/i.test(String(req.headers["transfer-encoding"] ?? ""));
  if (!chunked && !(declared > limit)) return false;
  const [status, message] = chunked
    ? [411, "Send the request body with a Content-Length."]
    : [413, `Request body is larger than ${limit} bytes.`];
  res.writeHead(status, {
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
  });
  res.end(api ? JSON.stringify({ message }) : message);
  // Read and drop what the client is still sending, so it gets our answer
  // rather than a reset connection; past a few megabytes, just hang up.
  let seen = 0;
  req.on("data", (chunk) => {
    seen += chunk.length;
    if (seen > 8 * 1024 * 1024) req.destroy();
  });
  req.resume();
  return true;
}

// A form post that Next.js cannot even decode (garbage multipart, a made-up
// Server Action payload, a foreign Origin) ends in a 500 before any of our
// code runs. That is bad input, not a server fault: answer 400. Our action
// wrappers (lib/safe-action.ts) mark the request once they start, so a
// failure inside our own code still answers 500 (and is logged as one).
const requestContext = bridge().formPosts;

const BAD_FORM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad request · DinnerParty</title></head>
<body><main><h1>That form could not be read</h1><p><a href="/">Back to DinnerParty</a></p></main></body></html>`;

/** @param {http.ServerResponse} res @param {{ actionStarted: boolean }} context */
function blameInputFor500(res, context) {
  const { writeHead, write, end } = res;
  let replaced = false;
  /** @type {any} */ (res).writeHead = function (status, ...rest) {
    const code = typeof status === "number" ? status : res.statusCode;
    if (code !== 500 || context.actionStarted) return writeHead.call(this, status, ...rest);
    replaced = true;
    for (const name of ["content-length", "content-encoding", "etag", "vary"]) res.removeHeader(name);
    return writeHead.call(this, 400, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": DENY_ALL_CSP,
    });
  };
  /** @type {any} */ (res).write = function (...args) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    return replaced ? true : write.apply(this, args);
  };
  /** @type {any} */ (res).end = function (...args) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!replaced) return end.apply(this, args);
    const callback = args.find((a) => typeof a === "function");
    return end.call(this, BAD_FORM_PAGE, callback);
  };
}

async function runWorker() {
  process.env.NODE_ENV ??= dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // The app reports its database health and (instrumentation.ts) the session
  // and content-version check through the bridge.
  const pages = createPageCache({
    isDatabaseDown: () => bridge().database.down,
    signedInStamp: async (token) => (await bridge().signedInPageStamp?.(token)) ?? null,
  });

  let stopping = false;
  const server = http.createServer(async (req, res) => {
    // While stopping, finish this request but tell the client not to reuse the connection.
    if (stopping) res.setHeader("Connection", "close");
    normaliseHeaders(req);
    if (refuseBody(req, res)) return;
    const cacheKey = dev ? null : await pages.keyOf(req).catch(() => null);
    if (cacheKey !== null) {
      if (pages.serve(req, res, cacheKey)) return;
      pages.record(req, res, cacheKey);
    }
    if (req.method === "POST" && !(req.url ?? "").startsWith("/api/")) {
      // Server Action ids are hex digests; anything else cannot name one.
      const action = req.headers["next-action"];
      if (action !== undefined && !/^[0-9a-f]{16,128}$/i.test(String(action))) {
        res.writeHead(400, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
        res.end(BAD_FORM_PAGE);
        req.resume();
        return;
      }
      // Only form posts can reach a Server Action: only they carry the context.
      const context = { actionStarted: false };
      blameInputFor500(res, context);
      requestContext.run(context, () => passToNext(req, res));
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
    if (!cluster.isWorker) log(`serving on port ${port}`);
  });

  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    // /api/health answers 503 from now on, so a load balancer stops sending.
    bridge().stopping = true;
    log(`${signal}: finishing in-flight requests`);
    // Keep accepting for a moment: connections already queued in the kernel
    // (a client's request on its way) would be reset if the socket closed now.
    await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DRAIN_MS));
    const force = setTimeout(() => {
      log("grace period over; closing remaining connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeIdleConnections();
    });
    clearTimeout(force);
    await bridge().closeDatabase?.().catch(() => {});
    log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
