import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { findSession } from "./data";
import { createSession, deleteSessionByToken } from "./mutations";
import { BROWSER_SESSION_MS, hashToken, MAX_SESSIONS_PER_ACCOUNT, PERSISTENT_SESSION_MS } from "./session-token";

async function newUserId() {
  const id = randomBytes(5).toString("hex");
  const user = await db.user.create({
    data: { username: `sess_${id}`, email: `sess.${id}@example.test`, passwordHash: "x" },
  });
  return user.id;
}

describe("server-side sessions", () => {
  it("stores only the token's hash, and finds the session by the token", async () => {
    const userId = await newUserId();
    const { token } = await createSession(userId, { persistent: false, userAgent: "Test/1.0" });
    assert.ok(token.length >= 43, "256 bits of randomness");
    assert.equal(await db.session.count({ where: { sessionToken: token } }), 0);
    assert.equal(await db.session.count({ where: { sessionToken: hashToken(token) } }), 1);
    const found = await findSession(token);
    assert.equal(found?.user.id, userId);
    assert.deepEqual(Object.keys(found!.user).sort(), ["email", "id", "username"]);
  });

  it("keeps the zone the browser reported at login on the account (for its mail); none known changes nothing", async () => {
    const userId = await newUserId();
    const zone = async () => (await db.user.findUniqueOrThrow({ where: { id: userId } })).timeZone;
    assert.equal(await zone(), null);
    await createSession(userId, { persistent: false, timeZone: "Asia/Tokyo" });
    assert.equal(await zone(), "Asia/Tokyo");
    await createSession(userId, { persistent: false, timeZone: null });
    assert.equal(await zone(), "Asia/Tokyo");
    await createSession(userId, { persistent: false, timeZone: "Europe/Lisbon" });
    assert.equal(await zone(), "Europe/Lisbon");
  });

  it("holds at most 50 live sessions per account: a new login ends the oldest, never itself", async () => {
    assert.equal(MAX_SESSIONS_PER_ACCOUNT, 50);
    const userId = await newUserId();
    const other = await newUserId();
    const theirs = await createSession(other, { persistent: false });
    const tokens: string[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_ACCOUNT + 3; i++) {
      tokens.push((await createSession(userId, { persistent: i % 2 === 0 })).token);
      // Distinct creation times, as real logins have.
      await db.session.updateMany({
        where: { sessionToken: hashToken(tokens.at(-1)!) },
        data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) },
      });
    }
    assert.equal(await db.session.count({ where: { userId } }), MAX_SESSIONS_PER_ACCOUNT);
    for (const [i, token] of tokens.entries()) {
      assert.equal((await findSession(token)) !== null, i >= 3, `session ${i}`);
    }
    assert.ok(await findSession(theirs.token), "another account's sessions are untouched");
  });

  it("lasts 12 hours without Remember me and 30 days with it, never extended", async () => {
    const userId = await newUserId();
    const now = Date.now();
    const short = await createSession(userId, { persistent: false, now });
    const long = await createSession(userId, { persistent: true, now });
    assert.equal(short.expires.getTime(), now + BROWSER_SESSION_MS);
    assert.equal(long.expires.getTime(), now + PERSISTENT_SESSION_MS);
    assert.equal(BROWSER_SESSION_MS, 12 * 3600 * 1000);
    assert.equal(PERSISTENT_SESSION_MS, 30 * 24 * 3600 * 1000);
    await findSession(short.token, now + BROWSER_SESSION_MS - 1000);
    const row = await db.session.findUnique({ where: { sessionToken: hashToken(short.token) } });
    assert.equal(row?.expires.getTime(), now + BROWSER_SESSION_MS, "reading does not extend it");
  });

  it("is gone after its absolute expiry, and the row is removed", async () => {
    const userId = await newUserId();
    const now = Date.now();
    const { token } = await createSession(userId, { persistent: false, now });
    assert.ok(await findSession(token, now + BROWSER_SESSION_MS - 1));
    assert.equal(await findSession(token, now + BROWSER_SESSION_MS), null);
    assert.equal(await db.session.count({ where: { sessionToken: hashToken(token) } }), 0);
  });

  it("is gone once deleted (logout)", async () => {
    const userId = await newUserId();
    const { token } = await createSession(userId, { persistent: true });
    await deleteSessionByToken(token);
    assert.equal(await findSession(token), null);
  });

  it("ignores nonsense tokens", async () => {
    assert.equal(await findSession(""), null);
    assert.equal(await findSession("x".repeat(10_000)), null);
    assert.equal(await findSession(randomBytes(32).toString("base64url")), null);
  });
});
