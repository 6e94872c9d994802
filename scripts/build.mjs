// npm run build: Prisma clients, then the Next.js production build, then a
// stamp of the sources it was made from (scripts/start.mjs rebuilds when
// they change).
import { must, nextBuild } from "./lib/run.mjs";

await must("node", ["scripts/generate.mjs"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
await nextBuild();
