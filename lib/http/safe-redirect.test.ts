import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  for (const [input, expected] of [
    ["/rsvp", "/rsvp"],
    ["/user/alice", "/user/alice"],
    ["/parties/12?from=invite#guests", "/parties/12?from=invite#guests"],
    ["/a/../rsvp", "/rsvp"],
  ] as const) {
    it(`keeps the same-site path ${input}`, () => assert.equal(safeCallbackPath(input), expected));
  }

  for (const input of [
    "https://evil.example",
    "http://evil.example/rsvp",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "rsvp",
    "",
    " /rsvp",
    "/" + "a".repeat(3000),
    undefined,
    null,
    42,
    ["/rsvp"],
  ]) {
    it(`refuses ${JSON.stringify(input)}`, () => assert.equal(safeCallbackPath(input), null));
  }
});
