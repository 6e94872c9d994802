import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { checkCredentials } from "./credentials";
import { hashPassword } from "@/lib/credentials/password";

const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function newUser() {
  const id = randomBytes(5).toString("hex");
  const user = { username: `cred_${id}`, email: `cred.${id}@example.test`, password: `plum tart ${id} by the window` };
  await db.user.create({
    data: { username: user.username, email: user.email, passwordHash: await hashPassword(user.password) },
  });
  return user;
}

describe("checkCredentials", () => {
  it("accepts the right password and answers the same for a wrong password or an unknown email", async () => {
    const u = await newUser();
    const ok = await checkCredentials({ email: u.email, password: u.password, ip: ip() });
    assert.equal(ok.status, "ok");
    assert.deepEqual(Object.keys(ok.status === "ok" ? ok.user : {}).sort(), ["email", "id", "username"]);
    assert.deepEqual(await checkCredentials({ email: u.email, password: "wrong", ip: ip() }), { status: "invalid" });
    assert.deepEqual(await checkCredentials({ email: `x${u.email}`, password: u.password, ip: ip() }), {
      status: "invalid",
    });
  });

  it("spends a bcrypt comparison on unknown emails too (no timing oracle)", async () => {
    const u = await newUser();
    const time = async (email: string) => {
      const start = performance.now();
      await checkCredentials({ email, password: "not the password", ip: ip() });
      return performance.now() - start;
    };
    await time(u.email); // warm up the dummy hash
    await time(`nobody.${u.email}`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(u.email));
      unknown.push(await time(`nobody${i}.${u.email}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    const ratio = median(unknown) / median(known);
    assert.ok(ratio > 0.6 && ratio < 1.6, `unknown/known time ratio ${ratio.toFixed(2)}`);
  });

  it("throttles after 10 failures a minute from one IP, even the right password", async () => {
    const u = await newUser();
    const from = ip();
    for (let i = 0; i < 10; i++) {
      assert.equal((await checkCredentials({ email: `g${i}@x.test`, password: "x", ip: from })).status, "invalid");
    }
    const r = await checkCredentials({ email: u.email, password: u.password, ip: from });
    assert.equal(r.status, "throttled");
    assert.ok(r.status === "throttled" && r.retryAfter > 0 && r.retryAfter <= 60);
    // Another address is not affected.
    assert.equal((await checkCredentials({ email: u.email, password: u.password, ip: ip() })).status, "ok");
  });

  it("successful logins do not count against the IP", async () => {
    const u = await newUser();
    const from = ip();
    for (let i = 0; i < 15; i++) {
      assert.equal((await checkCredentials({ email: u.email, password: u.password, ip: from })).status, "ok");
    }
  });

  it("a success resets the account's consecutive failures", async () => {
    const u = await newUser();
    const key = `login:account:${u.email}`;
    for (let i = 0; i < 5; i++) await checkCredentials({ email: u.email, password: "wrong", ip: ip() });
    assert.equal((await db.rateLimit.findUnique({ where: { key } }))?.count, 5);
    assert.equal((await checkCredentials({ email: u.email, password: u.password, ip: ip() })).status, "ok");
    assert.equal(await db.rateLimit.findUnique({ where: { key } }), null);
  });

  it("locks the account after 100 consecutive failures, from any address", async () => {
    const u = await newUser();
    // Set the counter as 99 failures would have left it, then fail once more.
    await db.rateLimit.create({
      data: { key: `login:account:${u.email}`, count: 99, resetAt: BigInt(Date.now() + 3_600_000) },
    });
    assert.equal((await checkCredentials({ email: u.email, password: "wrong", ip: ip() })).status, "invalid");
    const r = await checkCredentials({ email: u.email, password: u.password, ip: ip() });
    assert.equal(r.status, "throttled");
    assert.ok(r.status === "throttled" && r.retryAfter > 60);
  });

  it("concurrent guesses from one IP cannot overshoot the limit", async () => {
    const from = ip();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => checkCredentials({ email: `c${i}@x.test`, password: "x", ip: from })),
    );
    assert.equal(results.filter((r) => r.status === "invalid").length, 10);
    assert.equal(results.filter((r) => r.status === "throttled").length, 15);
  });
});
