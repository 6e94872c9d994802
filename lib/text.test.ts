import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as z from "zod/mini";
import { isInvisible, isWellFormed, textChecks } from "./text";

describe("text rules", () => {
  const note = z.string().check(...textChecks({ label: "note", multiline: true }));

  it("tells lone surrogates from pairs", () => {
    assert.equal(isWellFormed("🍝"), true);
    assert.equal(isWellFormed("\ud83c"), false);
    assert.equal(isWellFormed("\udf5d\ud83c"), false);
  });

  it("counts only what shows", () => {
    for (const s of ["", " ", "\u200b", "\u200d\u2060", "\u00ad", "\ufeff", "\u3000", "\u2800", "\u200e"]) {
      assert.equal(isInvisible(s), true, JSON.stringify(s));
    }
    for (const s of ["a", ".", "é", "🍝", "\u0301"]) assert.equal(isInvisible(s), false, JSON.stringify(s));
  });

  it("keeps line breaks in a multi-line field, as \\n, and still refuses other controls", () => {
    assert.equal(z.parse(note, "first\r\nsecond\rthird"), "first\nsecond\nthird");
    assert.equal(z.safeParse(note, "tab\there").success, false);
    assert.equal(z.safeParse(note, "bell\u0007").success, false);
    // An optional field may be empty.
    assert.equal(z.parse(note, "  "), "");
  });
});
