// Generate the Prisma clients for both providers (they are not committed:
// the generated code embeds absolute paths). Runs on install and before builds.
import { bin, must } from "./lib/run.mjs";

for (const provider of ["sqlite", "postgresql"]) {
  await must(bin("prisma"), ["generate", "--schema", `prisma/${provider}`], { quiet: true });
}
console.log("› Prisma clients generated (sqlite, postgresql)");
