import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { describe, test } from "node:test";
import { normaliseHeaders } from "./client-address.mjs";

function request(headers: Record<string, string>, socket: { remoteAddress?: string; encrypted?: boolean } = {}) {
  return {
    headers: { ...headers },
    socket: { remoteAddress: "::ffff:10.0.0.5", ...socket },
  } as unknown as IncomingMessage;
}

function normalised(trustProxy: boolean, ...args: Parameters<typeof request>) {
  const req = request(...args);
  normaliseHeaders(req, trustProxy);
  return req.headers;
}

describe("client address and scheme", () => {
  test("without TRUST_PROXY: the socket decides, and forwarded headers a client sent are dropped", () => {
    const h = normalised(false, {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      "x-dinnerparty-client-ip": "9.9.9.9",
    });
    assert.equal(h["x-dinnerparty-client-ip"], "10.0.0.5");
    assert.equal(h["x-forwarded-proto"], "http");
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-port"]) assert.equal(h[name], undefined);
    assert.equal(normalised(false, {}, { encrypted: true })["x-forwarded-proto"], "https");
    assert.equal(normalised(false, {}, { remoteAddress: "::1" })["x-dinnerparty-client-ip"], "::1");
    assert.equal(normalised(false, {}, { remoteAddress: undefined })["x-dinnerparty-client-ip"], "unknown");
  });

  test("with TRUST_PROXY: the right-most X-Forwarded-For entry and the first X-Forwarded-Proto", () => {
    const h = normalised(true, {
      "x-forwarded-for": "6.6.6.6, ::ffff:203.0.113.7 ,",
      "x-forwarded-proto": "https, http",
      "x-dinnerparty-client-ip": "9.9.9.9",
    });
    assert.equal(h["x-dinnerparty-client-ip"], "203.0.113.7");
    assert.equal(h["x-forwarded-proto"], "https");
    assert.equal(h["x-forwarded-for"], "6.6.6.6, ::ffff:203.0.113.7 ,", "left for the app to see");
    const bare = normalised(true, {}, { encrypted: true });
    assert.equal(bare["x-dinnerparty-client-ip"], "10.0.0.5");
    assert.equal(bare["x-forwarded-proto"], "https");
  });

  test("the prefetch marker comes from Next.js's router headers only", () => {
    assert.equal(normalised(false, { "x-dinnerparty-prefetch": "1" })["x-dinnerparty-prefetch"], undefined);
    assert.equal(normalised(false, { "next-router-prefetch": "1" })["x-dinnerparty-prefetch"], "1");
    assert.equal(normalised(true, { "next-router-segment-prefetch": "/_tree" })["x-dinnerparty-prefetch"], "1");
  });

  test("the page path and the payload marker come from the request line and Next.js's own header, never the client's", () => {
    const req = request({ "x-dinnerparty-path": "/elsewhere", "x-dinnerparty-payload": "1" });
    (req as { url?: string }).url = "/rsvp?after=abc";
    normaliseHeaders(req, true);
    assert.equal(req.headers["x-dinnerparty-path"], "/rsvp");
    assert.equal(req.headers["x-dinnerparty-payload"], undefined);
    const rsc = request({ rsc: "1" });
    (rsc as { url?: string }).url = "/user/ann?_rsc=1x2y";
    normaliseHeaders(rsc, false);
    assert.equal(rsc.headers["x-dinnerparty-path"], "/user/ann");
    assert.equal(rsc.headers["x-dinnerparty-payload"], "1");
  });
});
