// npm run bench — the benchmark is scripts/bench/main.mjs. The packages come
// first: it imports them (bcryptjs, better-sqlite3), and a fresh clone has none.
import { ensureInstalled } from "./lib/run.mjs";

await ensureInstalled();
await import("./bench/main.mjs");
