import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ESLint } from "eslint";

// The one-way layout is enforced by lint (eslint.config.mjs): each wrong
// import below must fail `npm test`, each right one must pass. The sources are
// linted as if they were the named files, with the project's own config.

const BOUNDARY_RULES = new Set(["import/no-restricted-paths", "no-restricted-imports"]);
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as imported from "${specifier}";\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const wrong: [file: string, specifier: string, why: string][] = [
  ["lib/parties/data.ts", "@/auth", "Auth.js's instance"],
  ["lib/safe-action.ts", "@/auth", "Auth.js's instance"],
  ["lib/auth/loaders.ts", "../../auth", "Auth.js's instance, by a relative path"],
  ["components/site-header.tsx", "@/auth", "Auth.js's instance"],
  ["app/page.tsx", "@/auth", "Auth.js's instance"],
  ["components/parties/party-card.tsx", "@/lib/db", "the Prisma client"],
  ["lib/parties/actions.ts", "@/lib/db", "the Prisma client"],
  ["lib/parties/actions.ts", "../db", "the Prisma client, by a relative path"],
  ["lib/safe-action.ts", "@/lib/db/generated/sqlite/client", "the generated client"],
  ["app/rsvp/page.tsx", "@/lib/db", "the Prisma client"],
  ["lib/parties/data.ts", "@/components/site-header", "UI"],
  ["lib/parties/data.ts", "@/app/page", "a page"],
  ["components/parties/party-card.tsx", "@/app/page", "a page"],
  ["lib/db/probes.ts", "@/lib/parties/loaders", "a domain, from infrastructure"],
  ["server/shared.mjs", "../lib/time", "the app, from the plain-Node server"],
];

const right: [file: string, specifier: string][] = [
  ["lib/parties/data.ts", "@/lib/db"],
  ["lib/parties/mutations.ts", "@/lib/db"],
  ["lib/db/probes.ts", "./index"],
  ["app/api/auth/[...nextauth]/route.ts", "@/auth"],
  ["app/page.tsx", "@/lib/auth/loaders"],
  ["components/parties/party-card.tsx", "@/lib/parties/data"],
  ["lib/parties/actions.ts", "@/lib/auth/loaders"],
  ["lib/db/health.ts", "@/server/bridge.mjs"],
];

describe("import boundaries (lint)", () => {
  for (const [file, specifier, why] of wrong) {
    it(`refuses ${specifier} in ${file} (${why})`, async () => {
      const errors = await boundaryErrors(file, specifier);
      assert.ok(errors.length > 0, `expected a lint error for ${specifier} in ${file}`);
    });
  }
  for (const [file, specifier] of right) {
    it(`allows ${specifier} in ${file}`, async () => {
      assert.deepEqual(await boundaryErrors(file, specifier), []);
    });
  }
});
