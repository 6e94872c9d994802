import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { db } from "@/lib/db";

// Runs only against SQLite (scripts/test.mjs picks *.sqlite.test.ts by provider).

describe("SQLite client", () => {
  it("runs in WAL mode with foreign keys on", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    assert.equal(mode?.journal_mode, "wal");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
    assert.equal(Number(fk?.foreign_keys), 1);
  });

  it("keeps other requests' queries out of an open transaction", async () => {
    const id = randomBytes(4).toString("hex");
    let inside = false;
    // A transaction that rolls back after yielding to the event loop…
    const tx = db
      .$transaction(async (t) => {
        await t.flash.create({ data: { id: `tx-${id}`, kind: "success", message: "inside" } });
        inside = true;
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    // …while another request writes outside it.
    while (!inside) await new Promise((r) => setTimeout(r, 1));
    await db.flash.create({ data: { id: `out-${id}`, kind: "success", message: "outside" } });
    assert.equal(await tx, "roll back");
    assert.equal(await db.flash.count({ where: { id: `tx-${id}` } }), 0, "the transaction's write is undone");
    assert.equal(await db.flash.count({ where: { id: `out-${id}` } }), 1, "the other write survives");
  });

  it("deleting a user deletes their sessions (foreign keys cascade)", async () => {
    const id = randomBytes(4).toString("hex");
    const user = await db.user.create({
      data: { username: `fk_${id}`, email: `fk.${id}@example.test`, passwordHash: "x" },
    });
    await db.session.create({
      data: { sessionToken: `t-${id}`, userId: user.id, expires: new Date(Date.now() + 1e6) },
    });
    await db.user.delete({ where: { id: user.id } });
    assert.equal(await db.session.count({ where: { sessionToken: `t-${id}` } }), 0);
  });
});
