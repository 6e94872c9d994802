// Which unit files run on which database (scripts/lib/unit-files.mjs): a file
// left out of the PostgreSQL run must really never reach the database.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { listUnitTests, reachesDatabase } from "./unit-files.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
fs.mkdirSync(path.join(ROOT, "var"), { recursive: true });
const scratch = fs.mkdtempSync(path.join(ROOT, "var", "unit-files-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/**
 * A file in the scratch folder, as the path the runner would pass. Its lines
 * are given in pieces, so that this file's own source holds no import the
 * scanner would follow (it reads text, strings included).
 */
function file(name: string, text: string) {
  fs.writeFileSync(path.join(scratch, name), text);
  return path.relative(ROOT, path.join(scratch, name));
}

describe("reachesDatabase", () => {
  it("follows imports, the @/ alias and re-exports to lib/db", () => {
    assert.equal(reachesDatabase("scripts/lib/unit-files.test.ts"), false, "this very file");
    assert.equal(reachesDatabase("lib/parties/answers.test.ts"), true);
    file("helper.ts", ["export { db }", ' from "@/lib/db";'].join(""));
    assert.equal(reachesDatabase(file("through.test.ts", ["import { db }", ' from "./helper";'].join(""))), true);
    assert.equal(reachesDatabase(file("lazy.test.ts", ["const m = await import", '("@/lib/db");'].join(""))), true);
  });

  it("leaves out files that import only pure code, or lib/db's types", () => {
    assert.equal(reachesDatabase("lib/time.test.ts"), false);
    assert.equal(reachesDatabase(file("types.test.ts", ["import type { Db }", ' from "@/lib/db";'].join(""))), false);
    assert.equal(
      reachesDatabase(file("pure.test.ts", ["import { formatPartyDate }", ' from "@/lib/time";'].join(""))),
      false,
    );
  });
});

describe("listUnitTests", () => {
  it("keeps a .sqlite.test.ts file to SQLite", () => {
    const sqlite = listUnitTests(["lib"], "sqlite");
    const postgresql = listUnitTests(["lib"], "postgresql");
    assert.ok(sqlite.includes("lib/db/sqlite-adapter.sqlite.test.ts"));
    assert.ok(!postgresql.includes("lib/db/sqlite-adapter.sqlite.test.ts"));
    assert.ok(postgresql.includes("lib/parties/answers.test.ts"));
  });
});
