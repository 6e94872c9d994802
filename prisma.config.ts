// Prisma CLI configuration. Prisma 6.19's schema engine runs as WebAssembly
// through a driver adapter (engine "js"), so no engine binary is downloaded.
// DATABASE_URL picks the provider and with it the schema folder and the
// migrations history (prisma/sqlite or prisma/postgresql).
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";
import { databaseProvider, databaseUrl, schemaFolder } from "./lib/db/config";

const url = databaseUrl();
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaFolder(provider),
  adapter: () => cliAdapter(url),
});
