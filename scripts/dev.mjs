// npm run dev: migrate, then the development server (hot reload) on PORT.
import { ensureInstalled } from "./lib/run.mjs";

await ensureInstalled();
const { prepareToServe } = await import("./lib/env.mjs");
await prepareToServe();
process.argv.push("--dev");
await import("../server/index.mjs");
