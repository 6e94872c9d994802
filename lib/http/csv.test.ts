import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { SEED } from "@/lib/testing/fuzz";
import { CSV_BOM, csvDocument, csvField, csvRows } from "./csv";

/** A small RFC 4180 reader, to prove what the writer writes reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      assert.equal(field, "", "a quote only opens a field");
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r") {
      assert.equal(text[i + 1], "\n", "CR only as part of CRLF outside quotes");
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      assert.notEqual(c, "\n", "a bare LF outside quotes");
      field += c;
    }
  }
  assert.equal(quoted, false, "every quote closed");
  assert.deepEqual(row, [], "the last record ends with CRLF");
  assert.equal(field, "");
  return rows;
}

describe("csvField", () => {
  for (const [input, expected] of [
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [3, "3"],
    [0, "0"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["crlf\r\nhere", '"crlf\r\nhere"'],
    ["café ☕", "café ☕"],
    ["2026-12-06T18:30:00.000Z", "2026-12-06T18:30:00.000Z"],
  ] as const) {
    it(`writes ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => assert.equal(csvField(input), expected));
  }

  for (const [input, expected] of [
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ["=1,2", '"\'=1,2"'],
    // The fullwidth forms, which some spreadsheets take for the ASCII ones.
    ["\uFF1D1+2", "'\uFF1D1+2"],
    ["\uFF0B1", "'\uFF0B1"],
    ["\uFF0D1", "'\uFF0D1"],
    ["\uFF20SUM(A1)", "'\uFF20SUM(A1)"],
    ["\t\uFF1D1", "'\t\uFF1D1"],
  ] as const) {
    it(`neutralises the formula-looking ${JSON.stringify(input)}`, () => assert.equal(csvField(input), expected));
  }

  it("leaves a formula character that is not first alone", () => assert.equal(csvField("a=b-c+d@e"), "a=b-c+d@e"));
});

describe("csvRows and csvDocument", () => {
  it("ends every record with CRLF", () => {
    assert.equal(
      csvRows([
        ["a", "b"],
        ["c", 1],
      ]),
      "a,b\r\nc,1\r\n",
    );
    assert.equal(csvRows([]), "");
  });

  it("starts the document with a BOM, then the header", () => {
    const doc = csvDocument(["name", "note"], [["ana", 'hi, "you"']]);
    assert.equal(doc, `${CSV_BOM}name,note\r\nana,"hi, ""you"""\r\n`);
    assert.ok(doc.startsWith("\uFEFF"));
  });

  it("reads back as the same fields, any text, formula-looking cells prefixed with a quote", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\r", "\n", "=", "+", "-", "@", "\t", " ") });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const back = parseCsv(csvRows(rows));
        const expected = rows.map((r) => r.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f)));
        assert.deepEqual(back, expected);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
