import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatPartyDate, isValidTimeZone, localInputToUtc, utcToLocalInput } from "./time";

describe("time zones", () => {
  it("runs under an unusual process zone, so nothing may depend on it", () => {
    assert.equal(process.env.TZ, "Asia/Kathmandu");
  });

  it("reads a wall-clock time in the viewer's zone, not the server's", () => {
    assert.equal(localInputToUtc("2026-12-06T19:30", "Europe/Paris")?.toISOString(), "2026-12-06T18:30:00.000Z");
    assert.equal(localInputToUtc("2026-07-06T19:30", "Europe/Paris")?.toISOString(), "2026-07-06T17:30:00.000Z");
    assert.equal(localInputToUtc("2026-12-06T19:30", "America/New_York")?.toISOString(), "2026-12-07T00:30:00.000Z");
    assert.equal(localInputToUtc("2026-12-06T19:30", "Asia/Kathmandu")?.toISOString(), "2026-12-06T13:45:00.000Z");
    assert.equal(localInputToUtc("2026-12-06T19:30", "UTC")?.toISOString(), "2026-12-06T19:30:00.000Z");
  });

  it("refuses impossible dates and unknown zones", () => {
    for (const bad of ["2026-02-30T10:00", "2026-13-01T10:00", "2026-12-06T24:00", "2026-12-06", "nonsense", ""]) {
      assert.equal(localInputToUtc(bad, "Europe/Paris"), null, bad);
    }
    assert.equal(localInputToUtc("2026-12-06T19:30", "Mars/Olympus_Mons"), null);
    assert.equal(isValidTimeZone("Europe/Paris"), true);
    assert.equal(isValidTimeZone("Not/A_Zone"), false);
    assert.equal(isValidTimeZone(42), false);
  });

  it("gives the same wall-clock time back for the edit form", () => {
    for (const zone of ["Europe/Paris", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe"]) {
      const utc = localInputToUtc("2027-03-14T08:05", zone)!;
      assert.equal(utcToLocalInput(utc, zone), "2027-03-14T08:05", zone);
    }
  });

  it("formats in the viewer's locale and zone, naming the zone", () => {
    const date = new Date("2026-12-06T18:30:00Z");
    const now = new Date("2026-11-01T00:00:00Z");
    assert.equal(
      formatPartyDate(date, { locale: "en-GB", timeZone: "Europe/Paris" }, now),
      "Sun 6 Dec, 19:30 (Europe/Paris)",
    );
    assert.equal(
      formatPartyDate(date, { locale: "en-US", timeZone: "America/New_York" }, now),
      "Sun, Dec 6, 01:30 PM (America/New_York)",
    );
    assert.match(
      formatPartyDate(date, { locale: "fr-FR", timeZone: "Europe/Paris" }, now),
      /^dim\. 6 déc\..*19:30 \(Europe\/Paris\)$/,
    );
    // Another year is spelled out; an unknown zone falls back to UTC, named.
    assert.match(formatPartyDate(new Date("2028-01-02T10:00:00Z"), { locale: "en-GB", timeZone: "UTC" }, now), /2028/);
    assert.match(formatPartyDate(date, { locale: "en-GB", timeZone: "Bogus/Zone" }, now), /18:30 \(UTC\)$/);
  });
});
