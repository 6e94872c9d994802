// Prisma CLI configuration. Prisma 6.19's schema engine runs as WebAssembly
// through a driver adapter (engine "js"), so no engine binary is downloaded.
// DATABASE_URL picks the provider and with it the schema folder and the
// migrations history (prisma/sqlite or prisma/postgresql).
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";
import { databaseProvider, databaseUrl, schemaFolder } from "./lib/db/config";

// The CLI would linger 5–60 s after finishing, on long timers the schema
// engine leaves behind. Timers of a second or more must not keep it alive.
for (const name of ["setTimeout", "setInterval"] as const) {
  const original = globalThis[name] as (...args: unknown[]) => { unref?: () => void };
  (globalThis as Record<string, unknown>)[name] = (fn: unknown, ms?: number, ...rest: unknown[]) => {
    const timer = original(fn, ms, ...rest);
    if ((ms ?? 0) >= 1000) timer.unref?.();
    return timer;
  };
}

const url = databaseUrl();
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaFolder(provider),
  adapter: () => cliAdapter(url),
});
