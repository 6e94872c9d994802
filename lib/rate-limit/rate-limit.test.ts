import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, it } from "node:test";
import { readConfig } from "@/server/shared.mjs";
import { clientSubject, hit, RATE_LIMITS, refund, reset, scaledLimit } from "./mutations";

const key = () => `test:${randomUUID()}`;
const tenPerMinute = { limit: 10, windowMs: 60_000 };

/** RATE_LIMIT_SCALE as the configuration reads it, or the start-up's complaint. */
function scale(RATE_LIMIT_SCALE?: string) {
  const read = readConfig({ RATE_LIMIT_SCALE });
  return read.ok ? read.config.rateLimitScale : read.problems;
}

describe("rate limiter", () => {
  it("has the production limits by default", () => {
    assert.deepEqual(RATE_LIMITS.loginPerIp, { limit: 10, windowMs: 60_000 });
    assert.deepEqual(RATE_LIMITS.loginPerAccount, { limit: 100, windowMs: 3_600_000 });
    assert.deepEqual(RATE_LIMITS.registerPerIp, { limit: 20, windowMs: 3_600_000 });
    assert.equal(scale(undefined), 1);
    assert.equal(scaledLimit(RATE_LIMITS.loginPerIp), 10, "unit tests run unscaled");
  });

  it("RATE_LIMIT_SCALE multiplies limits and can never lower them", () => {
    assert.equal(scaledLimit(tenPerMinute, scale("100") as number), 1000);
    assert.equal(scale("0.1"), 1);
    assert.equal(scale("-5"), 1);
    assert.deepEqual(scale("abc"), ['RATE_LIMIT_SCALE must be a number, not "abc"'], "refused at start-up");
  });

  it("allows the limit, then refuses with the time left in the window", async () => {
    const k = key();
    const now = 1_000_000;
    for (let i = 1; i <= 10; i++) {
      const h = await hit(k, tenPerMinute, { now: now + i });
      assert.equal(h.ok, true, `hit ${i}`);
      assert.equal(h.count, i);
    }
    const refused = await hit(k, tenPerMinute, { now: now + 30_000 });
    assert.equal(refused.ok, false);
    assert.equal(refused.retryAfter, 31);
  });

  it("starts a new window when the old one is over", async () => {
    const k = key();
    for (let i = 0; i < 11; i++) await hit(k, tenPerMinute, { now: 5_000 });
    const later = await hit(k, tenPerMinute, { now: 5_000 + 60_001 });
    assert.equal(later.ok, true);
    assert.equal(later.count, 1);
  });

  it("never lets concurrent requests slip past the limit", async () => {
    const k = key();
    const hits = await Promise.all(Array.from({ length: 50 }, () => hit(k, tenPerMinute)));
    assert.equal(hits.filter((h) => h.ok).length, 10);
    assert.deepEqual(
      hits.map((h) => h.count).sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it("refund gives one hit back; reset forgets the key", async () => {
    const k = key();
    for (let i = 0; i < 10; i++) await hit(k, tenPerMinute);
    await refund(k);
    assert.equal((await hit(k, tenPerMinute)).ok, true);
    assert.equal((await hit(k, tenPerMinute)).ok, false);
    await reset(k);
    assert.equal((await hit(k, tenPerMinute)).count, 1);
  });

  it("scales the limit when asked", async () => {
    const k = key();
    for (let i = 0; i < 30; i++) assert.equal((await hit(k, tenPerMinute, { scale: 3 })).ok, true);
    assert.equal((await hit(k, tenPerMinute, { scale: 3 })).ok, false);
  });

  it("keys an IPv6 client by its /64, an IPv4 client by its address", () => {
    for (const [ip, subject] of [
      ["203.0.113.7", "203.0.113.7"],
      ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
      ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
      ["2001:0DB8:0001:0002::1", "2001:db8:1:2::/64"],
      ["2001:db8::1", "2001:db8:0:0::/64"],
      ["2001:db8:1::", "2001:db8:1:0::/64"],
      ["::1", "0:0:0:0::/64"],
      ["::", "0:0:0:0::/64"],
      ["fe80::1%eth0", "fe80:0:0:0::/64"],
      ["64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
      ["unknown", "unknown"],
      ["not an address", "not an address"],
    ]) {
      assert.equal(clientSubject(ip!), subject, ip);
    }
  });

  it("one /64 shares one login budget, whatever address of it a client uses", async () => {
    const prefix = `2001:db8:${randomUUID().slice(0, 4)}:1`;
    const k = (n: number) => `test:${clientSubject(`${prefix}:${n.toString(16)}::${n.toString(16)}`)}`;
    const now = 2_000_000;
    for (let i = 1; i <= 10; i++) assert.equal((await hit(k(i), tenPerMinute, { now })).ok, true);
    assert.equal((await hit(k(11), tenPerMinute, { now })).ok, false, "the 11th address of the same /64");
    const other = `test:${clientSubject(`2001:db8:${randomUUID().slice(0, 4)}:2::1`)}`;
    assert.equal((await hit(other, tenPerMinute, { now })).ok, true, "another /64 has its own budget");
  });
});
