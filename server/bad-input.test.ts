import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { BAD_FORM_PAGE, blameInputFor500, refuseBadActionId, refuseBody, undecodableTarget } from "./bad-input.mjs";
import { DENY_ALL_CSP, MAX_API_BODY_BYTES, MAX_FORM_BODY_BYTES } from "./shared.mjs";

// The server's own order (server/index.mjs) in front of a stand-in for
// Next.js: …/early fails before our action code starts, /ours after.
const server = http.createServer((req, res) => {
  if (refuseBody(req, res)) return;
  const context = { actionStarted: false };
  if (req.method === "POST" && !(req.url ?? "").startsWith("/api/")) {
    if (refuseBadActionId(req, res)) return;
    blameInputFor500(res, context);
  }
  req.resume();
  req.on("end", () => {
    if (req.url === "/ours") context.actionStarted = true;
    if (/\/(early|ours)$/.test(req.url ?? "")) {
      res.writeHead(500, { "Content-Type": "text/plain", "Content-Length": "4", ETag: '"x"' });
      res.end("boom");
      return;
    }
    res.setHeader("Content-Type", "text/plain");
    res.write("fine");
    res.end();
  });
});
let port = 0;
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
function post(path: string, headers: Record<string, string>, body?: Buffer | Buffer[]) {
  return new Promise<Answer>((resolve, reject) => {
    // One buffer is sent with its Content-Length; several, chunked.
    if (Buffer.isBuffer(body)) headers = { "content-length": String(body.length), ...headers };
    const req = http.request({ port, host: "127.0.0.1", path, method: "POST", headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    for (const chunk of Array.isArray(body) ? body : body ? [body] : []) req.write(chunk);
    req.end();
  });
}

describe("request bodies", () => {
  test("an API body over its cap gets a JSON 413, a form body over its cap a text one", async () => {
    const api = await post(
      "/api/parties",
      { "content-type": "application/json" },
      Buffer.alloc(MAX_API_BODY_BYTES + 1),
    );
    assert.equal(api.status, 413);
    assert.equal(api.headers["content-type"], "application/json");
    assert.equal(api.headers["cache-control"], "no-store");
    assert.equal(api.headers["x-content-type-options"], "nosniff");
    assert.equal(api.headers.connection, "close");
    assert.deepEqual(JSON.parse(api.body), { message: `Request body is larger than ${MAX_API_BODY_BYTES} bytes.` });
    const form = await post("/login", {}, Buffer.alloc(MAX_FORM_BODY_BYTES + 1));
    assert.equal(form.status, 413);
    assert.equal(form.headers["content-type"], "text/plain; charset=utf-8");
    assert.equal(form.body, `Request body is larger than ${MAX_FORM_BODY_BYTES} bytes.`);
  });

  test("a chunked body gets 411; bodies within the caps go on", async () => {
    const chunked = await post("/api/parties", {}, [Buffer.from("{"), Buffer.from("}")]);
    assert.equal(chunked.status, 411);
    assert.deepEqual(JSON.parse(chunked.body), { message: "Send the request body with a Content-Length." });
    assert.equal((await post("/api/parties", {}, Buffer.alloc(MAX_API_BODY_BYTES))).body, "fine");
    assert.equal((await post("/login", {}, Buffer.alloc(MAX_FORM_BODY_BYTES))).body, "fine");
  });
});

describe("form posts", () => {
  test("a Next-Action header that is not a hex digest gets the 400 page", async () => {
    for (const action of ["zz", "0123456789abcde", "../etc", "a".repeat(129)]) {
      const res = await post("/login", { "next-action": action }, Buffer.from("x"));
      assert.equal(res.status, 400, action);
      assert.equal(res.headers["content-type"], "text/html; charset=utf-8");
      assert.equal(res.body, BAD_FORM_PAGE);
    }
    assert.equal((await post("/login", { "next-action": "0123456789abcdef" }, Buffer.from("x"))).body, "fine");
  });

  test("a 500 before our action code starts is the request's fault: the 400 page", async () => {
    const res = await post("/early", {}, Buffer.from("x"));
    assert.equal(res.status, 400);
    assert.equal(res.body, BAD_FORM_PAGE);
    assert.equal(res.headers["content-security-policy"], DENY_ALL_CSP);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers.etag, undefined);
    assert.equal(res.headers["content-length"], undefined);
  });

  test("a 500 once our code runs stays a 500, and the API is never touched", async () => {
    const ours = await post("/ours", {}, Buffer.from("x"));
    assert.equal(ours.status, 500);
    assert.equal(ours.body, "boom");
    const api = await post("/api/early", {}, Buffer.from("x"));
    assert.equal(api.status, 500);
    assert.equal(api.body, "boom");
  });
});

describe("undecodable addresses", () => {
  test("go to the 404 page, or the API's 404, whatever the route", () => {
    for (const path of ["/user/%ff", "/user/%E0%A4%A", "/parties/%c0%af/edit", "/parties/1%", "/x/%E0%A4%A?a=1"]) {
      assert.equal(undecodableTarget(path), "/_not-found", path);
    }
    for (const path of ["/api/parties/%ff", "/api/parties/%c0%af/rsvp", "/api/%E0%A4%A"]) {
      assert.equal(undecodableTarget(path), "/api/not-found", path);
    }
  });

  test("leave every address that decodes alone, query strings included", () => {
    for (const path of [
      "/",
      "/user/alice",
      "/user/%C3%A9",
      "/user/%25",
      "/user/%25E0%25A4%25A",
      "/rsvp?after=%ff",
      "/api/parties/1",
    ]) {
      assert.equal(undecodableTarget(path), null, path);
    }
  });
});
