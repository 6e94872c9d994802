// npm start — the whole quick start in one command on a fresh machine:
// install dependencies and build if needed, load the environment (and create
// AUTH_SECRET once), apply pending migrations, then serve on PORT (3000).
import { ensureBuilt, ensureInstalled } from "./lib/run.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
await ensureInstalled();
await ensureBuilt();
const { prepareToServe } = await import("./lib/env.mjs");
await prepareToServe();
process.env.NODE_ENV = "production";
await import("../server/index.mjs");
