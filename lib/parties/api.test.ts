import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvDocument } from "@/lib/http/csv";
import { GUEST_CSV_HEADER, toApiGuest, toCsvGuest } from "./api";
import type { GuestListEntry } from "./data";

const entry = (over: Partial<GuestListEntry> = {}): GuestListEntry => ({
  username: "ana",
  response: "going",
  plusOnes: 2,
  note: "",
  position: null,
  answeredAt: new Date("2026-12-06T18:30:05.123Z"),
  ...over,
});

describe("the guest list CSV's columns", () => {
  it("are username, answer, plus-ones, note, answered at, dietary needs", () =>
    assert.deepEqual(
      [...GUEST_CSV_HEADER],
      ["username", "answer", "plus-ones", "note", "answered at", "dietary needs"],
    ));

  it("give each answer its API name and the time in ISO 8601 UTC", () => {
    for (const response of ["going", "maybe", "declined", "waitlisted"] as const) {
      assert.deepEqual(toCsvGuest(entry({ response, note: "hi" })), [
        "ana",
        response,
        2,
        "hi",
        "2026-12-06T18:30:05.123Z",
        "",
      ]);
      assert.equal(toCsvGuest(entry({ response }))[1], toApiGuest(entry({ response })).response);
    }
  });

  it("make a download a spreadsheet reads safely", () => {
    const doc = csvDocument(GUEST_CSV_HEADER, [toCsvGuest(entry({ note: '=1+1, "x"' }), "@SUM(A1); Vegan")]);
    assert.equal(
      doc,
      "\uFEFFusername,answer,plus-ones,note,answered at,dietary needs\r\n" +
        'ana,going,2,"\'=1+1, ""x""",2026-12-06T18:30:05.123Z,\'@SUM(A1); Vegan\r\n',
    );
  });
});
