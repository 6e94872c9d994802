import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { partyApiCreateSchema, partyApiPatchSchema, partyFormSchema, parsePartyId } from "./schema";

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
const localIn = (d: number) => inDays(d).toISOString().slice(0, 16);
const form = { date: localIn(10), timeZone: "Europe/Paris", venue: "The Oak", mainDish: "Paella", seats: "6" };

function errorsOf(r: { error?: { issues: { path: PropertyKey[] }[] } }) {
  return new Set((r.error?.issues ?? []).map((i) => i.path.join(".")));
}

describe("party form schema", () => {
  it("turns the form's strings into a UTC start, trimmed texts and a number of seats", () => {
    const out = partyFormSchema.parse({ ...form, date: "2031-06-01T19:30", venue: "  The Oak  " });
    assert.equal(out.startsAt.toISOString(), "2031-06-01T17:30:00.000Z");
    assert.deepEqual(
      { ...out, startsAt: undefined },
      { startsAt: undefined, venue: "The Oak", mainDish: "Paella", seats: 6 },
    );
  });

  it("reads the time as UTC when the browser sent no usable zone", () => {
    assert.equal(
      partyFormSchema.parse({ ...form, date: "2031-06-01T19:30", timeZone: "" }).startsAt.toISOString(),
      "2031-06-01T19:30:00.000Z",
    );
    assert.equal(
      partyFormSchema.parse({ ...form, date: "2031-06-01T19:30", timeZone: "Nope/Nope" }).startsAt.toISOString(),
      "2031-06-01T19:30:00.000Z",
    );
  });

  it("needs a start in the future", () => {
    assert.deepEqual(errorsOf(partyFormSchema.safeParse({ ...form, date: localIn(-1) })), new Set(["date"]));
    assert.deepEqual(errorsOf(partyFormSchema.safeParse({ ...form, date: "2026-02-30T10:00" })), new Set(["date"]));
  });

  it("reports every broken field at once, the date included", () => {
    const r = partyFormSchema.safeParse({ date: "2020-01-01T10:00", venue: "", mainDish: "x".repeat(121), seats: "1" });
    assert.deepEqual(errorsOf(r), new Set(["date", "venue", "mainDish", "seats"]));
  });

  for (const seats of ["1", "101", "2.5", "-3", "abc", "", "1e2", " "]) {
    it(`refuses ${JSON.stringify(seats)} seats`, () => {
      assert.deepEqual(errorsOf(partyFormSchema.safeParse({ ...form, seats })), new Set(["seats"]));
    });
  }

  for (const seats of ["2", "100", " 12 "]) {
    it(`accepts ${JSON.stringify(seats)} seats`, () =>
      assert.equal(partyFormSchema.safeParse({ ...form, seats }).success, true));
  }

  it("limits venue and main dish to 1–120 characters", () => {
    assert.equal(partyFormSchema.safeParse({ ...form, venue: "v".repeat(120) }).success, true);
    assert.deepEqual(
      errorsOf(partyFormSchema.safeParse({ ...form, venue: "v".repeat(121), mainDish: "   " })),
      new Set(["venue", "mainDish"]),
    );
  });
});

describe("party API schemas", () => {
  const body = { date: inDays(3).toISOString(), venue: "V", mainDish: "M", seats: 4 };

  it("accepts ISO 8601 with or without offset, or a plain date", () => {
    const at = (date: string) => partyApiCreateSchema.parse({ ...body, date }).date.toISOString();
    assert.equal(at("2031-06-01T19:30:00+02:00"), "2031-06-01T17:30:00.000Z");
    assert.equal(at("2031-06-01T19:30:00.250Z"), "2031-06-01T19:30:00.250Z");
    assert.equal(at("2031-06-01T19:30"), "2031-06-01T19:30:00.000Z");
    assert.equal(at("2031-06-01"), "2031-06-01T00:00:00.000Z");
  });

  it("refuses wrong types instead of coercing them", () => {
    for (const [field, value] of [
      ["seats", "4"],
      ["seats", 4.5],
      ["seats", 1e308],
      ["seats", true],
      ["venue", 42],
      ["mainDish", null],
      ["date", 1893456000000],
      ["date", "31/12/2030"],
      ["date", "2020-01-01T00:00:00Z"],
    ] as const) {
      assert.deepEqual(
        errorsOf(partyApiCreateSchema.safeParse({ ...body, [field]: value })),
        new Set([field]),
        `${field}=${value}`,
      );
    }
  });

  it("drops fields a client may not set", () => {
    const out = partyApiCreateSchema.parse({ ...body, id: 1, seatsTaken: 0, host: "x", createdAt: "2020-01-01" });
    assert.deepEqual(Object.keys(out).sort(), ["date", "mainDish", "seats", "venue"]);
  });

  it("PATCH takes any of the four fields, at least one", () => {
    assert.deepEqual(partyApiPatchSchema.parse({ venue: "New" }), { venue: "New" });
    assert.equal(partyApiPatchSchema.parse({ date: "2031-01-01" }).startsAt?.toISOString(), "2031-01-01T00:00:00.000Z");
    assert.equal(partyApiPatchSchema.safeParse({}).success, false);
    assert.equal(partyApiPatchSchema.safeParse({ seatsTaken: 3 }).success, false);
  });
});

describe("parsePartyId", () => {
  for (const [input, expected] of [
    ["12", 12],
    [" 7 ", 7],
    ["#42", 42],
    [5, 5],
    ["2147483647", 2147483647],
    ["0", null],
    ["-1", null],
    ["1.5", null],
    ["1e3", null],
    ["abc", null],
    ["", null],
    ["2147483648", null],
    ["99999999999", null],
    [null, null],
    [{}, null],
  ] as const) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(parsePartyId(input), expected));
  }
});

describe("party text and dates the audit broke", () => {
  const body = { date: inDays(10).toISOString(), venue: "The Oak", mainDish: "Paella", seats: 6 };
  const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
    (r.error?.issues ?? []).filter((i) => i.path.join(".") === field).map((i) => i.message);

  for (const [value, message] of [
    ["\ud800", "The venue contains a character that is not valid text. Please type it again."],
    ["Oak \udfff", "The venue contains a character that is not valid text. Please type it again."],
    ["\u0000", "The venue cannot contain control characters or line breaks."],
    ["The\u0085Oak", "The venue cannot contain control characters or line breaks."],
    ["The\nOak", "The venue cannot contain control characters or line breaks."],
    ["\u202eevil", "The venue cannot contain text-direction override characters."],
    ["a\u2066b", "The venue cannot contain text-direction override characters."],
    ["\u200b", "Enter the venue."],
    [" \u200b\u00ad\ufeff\u3164 ", "Enter the venue."],
  ] as const) {
    it(`refuses the venue ${JSON.stringify(value)}, in the form and in the API`, () => {
      assert.deepEqual(messages(partyFormSchema.safeParse({ ...form, venue: value }), "venue"), [message]);
      assert.deepEqual(messages(partyApiCreateSchema.safeParse({ ...body, venue: value }), "venue"), [message]);
      assert.deepEqual(messages(partyApiPatchSchema.safeParse({ venue: value }), "venue"), [message]);
    });
  }

  it("stores text in NFC, so the same words typed two ways are one text", () => {
    const decomposed = "Cafe\u0301 de Flore";
    assert.equal(partyApiCreateSchema.parse({ ...body, venue: decomposed }).venue, "Café de Flore");
    assert.equal(partyFormSchema.parse({ ...form, mainDish: ` ${decomposed} ` }).mainDish, "Café de Flore");
    assert.equal(partyApiCreateSchema.parse({ ...body, venue: "Zoë’s 🍝 (2nd floor)" }).venue, "Zoë’s 🍝 (2nd floor)");
  });

  for (const date of ["9999-12-31T23:30:00-05:00", "9999-12-31", inDays(5 * 366 + 2).toISOString()]) {
    it(`refuses ${date.slice(0, 10)}: more than 5 years ahead`, () => {
      const expected = ["Choose a date within the next 5 years."];
      assert.deepEqual(messages(partyApiCreateSchema.safeParse({ ...body, date }), "date"), expected);
      assert.deepEqual(messages(partyApiPatchSchema.safeParse({ date }), "date"), expected);
    });
  }

  it("refuses the form's 9999-12-31T23:30 in New York (the year 10000 in UTC), and keeps 4 years ahead", () => {
    const far = { ...form, date: "9999-12-31T23:30", timeZone: "America/New_York" };
    assert.deepEqual(messages(partyFormSchema.safeParse(far), "date"), ["Choose a date within the next 5 years."]);
    assert.equal(partyFormSchema.safeParse({ ...form, date: localIn(4 * 365) }).success, true);
    assert.equal(partyApiCreateSchema.safeParse({ ...body, date: inDays(4 * 365).toISOString() }).success, true);
  });
});

describe("title, details, visibility and the hidden venue", () => {
  const api = { date: inDays(10).toISOString(), venue: "The Oak", mainDish: "Paella", seats: 6 };

  it("form: reads them, an empty title as none, and leaves out what the form did not show", () => {
    const out = partyFormSchema.parse({
      ...form,
      title: "  Soup night ",
      details: "Door code 1234\r\nBring slippers",
      visibility: "invite-only",
      venueHidden: "on",
    });
    assert.deepEqual(
      { title: out.title, details: out.details, visibility: out.visibility, venueHidden: out.venueHidden },
      { title: "Soup night", details: "Door code 1234\nBring slippers", visibility: "invite-only", venueHidden: true },
    );
    assert.equal(partyFormSchema.parse({ ...form, title: " \u200b " }).title, null);
    const part1 = partyFormSchema.parse(form);
    for (const key of ["title", "details", "visibility", "venueHidden"]) assert.ok(!(key in part1), key);
  });

  it("form and API: refuse a title over 80, details over 2,000 and an unknown visibility, each on its field", () => {
    const bad = { title: "t".repeat(81), details: "d".repeat(2001), visibility: "secret" };
    assert.deepEqual(errorsOf(partyFormSchema.safeParse({ ...form, ...bad })), new Set(Object.keys(bad)));
    assert.deepEqual(
      errorsOf(partyApiCreateSchema.safeParse({ ...api, ...bad, venueHidden: "yes" })),
      new Set([...Object.keys(bad), "venueHidden"]),
    );
    assert.equal(
      partyFormSchema.safeParse({ ...form, title: "t".repeat(80), details: "d".repeat(2000) }).success,
      true,
    );
    assert.deepEqual(errorsOf(partyApiPatchSchema.safeParse({ title: "a\nb" })), new Set(["title"]));
    assert.deepEqual(errorsOf(partyApiPatchSchema.safeParse({ details: "a\u202eb" })), new Set(["details"]));
  });

  it("API: a null title clears it; details keep their line breaks", () => {
    assert.deepEqual(partyApiPatchSchema.parse({ title: null }), { title: null });
    assert.deepEqual(partyApiPatchSchema.parse({ details: "a\r\nb", visibility: "listed", venueHidden: false }), {
      details: "a\nb",
      visibility: "listed",
      venueHidden: false,
    });
  });
});
