import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeToken, newTokenSecret, tokenId, tokenMatches } from "./tokens";

const KEY = "test-key-0123456789abcdef0123456789";

describe("invitation and feed tokens", () => {
  it("name their row and check against its current secret", () => {
    const secret = newTokenSecret();
    const token = makeToken("invitation", "42", secret, KEY);
    assert.match(token, /^[A-Za-z0-9_-]{24,}$/);
    assert.equal(tokenId(token), "42");
    assert.equal(tokenMatches("invitation", token, "42", secret, KEY), true);
  });

  it("carry at least 128 bits that only the key can produce", () => {
    const secret = newTokenSecret();
    const token = makeToken("invitation", "7", secret, KEY);
    // 1 byte of id, a separator, 16 bytes of MAC
    assert.equal(Buffer.from(token, "base64url").length, 18);
    // The database holds the id and the secret; without the key they make another token.
    assert.notEqual(makeToken("invitation", "7", secret, "another-key-0123456789abcdef0123"), token);
    assert.equal(tokenMatches("invitation", token, "7", secret, "another-key-0123456789abcdef0123"), false);
  });

  it("die when the secret is replaced (Reset link)", () => {
    const old = newTokenSecret();
    const token = makeToken("invitation", "9", old, KEY);
    const replaced = newTokenSecret();
    assert.notEqual(replaced, old);
    assert.equal(tokenMatches("invitation", token, "9", replaced, KEY), false);
    assert.equal(tokenMatches("invitation", makeToken("invitation", "9", replaced, KEY), "9", replaced, KEY), true);
  });

  it("serve one purpose only", () => {
    const secret = newTokenSecret();
    const feed = makeToken("feed", "cluser123", secret, KEY);
    assert.equal(tokenMatches("invitation", feed, "cluser123", secret, KEY), false);
    assert.equal(tokenMatches("feed", feed, "cluser123", secret, KEY), true);
  });

  it("refuse tokens of another row, altered or malformed", () => {
    const secret = newTokenSecret();
    const token = makeToken("invitation", "5", secret, KEY);
    assert.equal(tokenMatches("invitation", token, "6", secret, KEY), false);
    const bytes = Buffer.from(token, "base64url");
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    assert.equal(tokenMatches("invitation", bytes.toString("base64url"), "5", secret, KEY), false);
    for (const bad of ["", "a", "!!!!", "x".repeat(200), "AAAAAAAAAAAAAAAAAAAAAAAA", token + "A", `${token}=`])
      assert.equal(tokenId(bad) !== null && tokenMatches("invitation", bad, tokenId(bad)!, secret, KEY), false, bad);
  });

  it("refuse to work without a key or a secret", () => {
    assert.throws(() => makeToken("invitation", "1", newTokenSecret(), ""), /AUTH_SECRET/);
    assert.throws(() => makeToken("invitation", "1", "", KEY), /no token secret/);
    const token = makeToken("invitation", "1", newTokenSecret(), KEY);
    assert.equal(tokenMatches("invitation", token, "1", "", KEY), false);
  });
});
