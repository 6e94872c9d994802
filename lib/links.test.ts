import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { linkSegments } from "./links";

describe("linkSegments", () => {
  it("finds web links, fuzzy links and e-mail addresses, leaving punctuation out", () => {
    assert.deepEqual(linkSegments("Map: https://example.com/a?b=1. Or www.example.org, mail me@example.net!"), [
      { text: "Map: " },
      { text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { text: ". Or " },
      { text: "www.example.org", href: "http://www.example.org" },
      { text: ", mail " },
      { text: "me@example.net", href: "mailto:me@example.net" },
      { text: "!" },
    ]);
  });

  it("keeps every other scheme as text and gives back the whole text", () => {
    for (const text of ["javascript:alert(1)", "data:text/html,<b>x</b>", "<a href='x'>y</a>", "", "line\nbreak"]) {
      const segments = linkSegments(text);
      assert.equal(segments.map((s) => s.text).join(""), text);
      for (const s of segments) if (s.href) assert.match(s.href, /^(https?|mailto):/);
    }
    assert.deepEqual(linkSegments("javascript:alert(1)"), [{ text: "javascript:alert(1)" }]);
  });
});
