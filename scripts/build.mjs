// npm run build: Prisma clients, then the Next.js production build, then a
// stamp of the sources it was made from (scripts/start.mjs rebuilds when
// they change).
import fs from "node:fs";
import { BUILD_STAMP, bin, must, ROOT, sourceFingerprint } from "./lib/run.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
await must("node", ["scripts/generate.mjs"], { env });
const fingerprint = sourceFingerprint();
await must(bin("next"), ["build"], { env, cwd: ROOT });
fs.writeFileSync(BUILD_STAMP, fingerprint);
