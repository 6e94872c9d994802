import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fs from "node:fs";
import { ESLint } from "eslint";
import { LIB_LAYERS } from "../eslint.config.mjs";

// The one-way layout is enforced by lint (eslint.config.mjs): each wrong
// import below must fail `npm test`, each right one must pass. The sources are
// linted as if they were the named files, with the project's own config.

const BOUNDARY_RULES = new Set(["import/no-restricted-paths", "no-restricted-imports", "import/no-cycle"]);
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as imported from "${specifier}";\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const wrong: [file: string, specifier: string, why: string][] = [
  ["lib/auth/sign-in.ts", "./credentials", "a login decided beside Auth.js's credentials provider"],
  ["app/api/users/login/route.ts", "@/lib/auth/credentials", "a login decided beside Auth.js's credentials provider"],
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
  // The domain order (docs/decisions/031-domain-order.md): never up, never beside.
  ["lib/dishes/data.ts", "@/lib/parties/data", "parties, above dishes"],
  ["lib/notifications/mutations.ts", "@/lib/parties/mutations", "parties, above notifications"],
  ["lib/invitations/mutations.ts", "../parties/data", "parties, above invitations, by a relative path"],
  ["lib/two-factor/mutations.ts", "@/lib/auth/sign-in", "sign-in, above two-factor"],
  ["lib/auth/schema.ts", "@/lib/users/schema", "accounts, above sign-in"],
  ["lib/safe-action.ts", "@/lib/auth/loaders", "sign-in, above the action wrapper"],
  ["lib/sessions/loaders.ts", "@/lib/safe-action", "the action wrapper, above sessions"],
  ["lib/parties/actions.ts", "@/lib/auth/loaders", "sign-in, above parties (lib/ asks lib/sessions)"],
  ["lib/party-access/data.ts", "@/lib/parties/data", "parties, above what every party domain shares"],
  ["lib/dishes/data.ts", "@/lib/notifications/data", "a domain beside it, in the same layer"],
  ["lib/two-factor/data.ts", "@/lib/parties/data", "a domain beside it, in the same layer"],
  // A cycle between files: lib/parties/mutations/index.ts imports ./data (findParty).
  ["lib/parties/data.ts", "./mutations", "a file that imports it back"],
  ["lib/parties/mutations/seats.ts", "./answers", "a file that imports it back"],
];

const right: [file: string, specifier: string][] = [
  ["lib/auth/instance.ts", "./credentials"],
  ["lib/auth/credentials.test.ts", "./credentials"],
  ["lib/parties/data.ts", "@/lib/db"],
  ["lib/dishes/mutations.ts", "@/lib/db"],
  ["lib/db/probes.ts", "./index"],
  ["app/api/auth/[...nextauth]/route.ts", "@/auth"],
  ["app/page.tsx", "@/lib/auth/loaders"],
  ["components/parties/party-card.tsx", "@/lib/parties/data"],
  ["lib/parties/actions.ts", "@/lib/sessions/loaders"],
  ["lib/parties/mutations/seats.ts", "@/lib/db"],
  ["lib/parties/mutations/answers.ts", "@/lib/dishes/mutations"],
  ["lib/dishes/data.ts", "@/lib/party-access/data"],
  ["lib/safe-action.ts", "@/lib/sessions/loaders"],
  ["lib/users/actions.ts", "@/lib/auth/sign-in"],
  ["lib/auth/sign-in.ts", "@/lib/two-factor/mutations"],
  ["lib/parties/mutations/index.ts", "./host-writes"],
  // Tests may cross the order: a dish's test makes a party.
  ["lib/dishes/dishes.test.ts", "@/lib/parties/mutations"],
  ["lib/db/health.ts", "@/server/bridge.mjs"],
];

describe("import boundaries (lint)", () => {
  it("gives every folder and file of lib/ a place in the domain order", () => {
    const placed = new Set(LIB_LAYERS.flat());
    const unplaced = fs.readdirSync("lib").filter((entry) => !entry.endsWith(".test.ts") && !placed.has(entry));
    assert.deepEqual(unplaced, [], "add them to LIB_LAYERS in eslint.config.mjs");
  });
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
