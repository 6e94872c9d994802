// npm run dev: migrate, then the development server (hot reload) on PORT.
import { ensureInstalled } from "./lib/run.mjs";

await ensureInstalled();
const { ensureAuthSecret, loadEnv } = await import("./lib/env.mjs");
await loadEnv();
ensureAuthSecret();
const { migrate } = await import("./migrate.mjs");
await migrate();
process.argv.push("--dev");
await import("../server.mjs");
