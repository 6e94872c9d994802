import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { db } from "@/lib/db";
import { invitationTokenFor } from "@/lib/invitations/data";
import { recordVisit } from "@/lib/invitations/mutations";
import { makeToken } from "@/lib/tokens";
import { findParty, listCalendar } from "@/lib/parties/data";
import { answerParty, removeGuest, updateParty } from "@/lib/parties/mutations";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { googleCalendarUrl, partyEvent } from "./api";
import { feedFile, feedOwner, feedTokenFor } from "./data";
import { foldLine, renderCalendar, type IcsEvent } from "./ics";
import { resetFeed } from "./mutations";

const ORIGIN = "https://dinner.example";

/** Parse with ical.js (a full RFC 5545 parser) and return the calendar and its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

/** The physical lines, checked for CRLF endings and the 75-octet limit. */
function physicalLines(text: string): string[] {
  assert.ok(text.endsWith("\r\n"), "the file ends with CRLF");
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) {
    assert.ok(!line.includes("\n") && !line.includes("\r"), `a bare line break in ${JSON.stringify(line)}`);
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
  }
  return lines;
}

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: "party-1@dinnerparty",
  start: new Date("2026-12-24T18:30:00Z"),
  duration: "PT3H",
  summary: "Dinner",
  sequence: 0,
  ...overrides,
});

describe("iCalendar output", () => {
  it("escapes text and folds long lines at 75 octets, never inside a character", () => {
    const summary = "Réveillon; soup, bread \\ wine\nthen — 🍷🍲 ".repeat(6).trim();
    const description = "Line one\nLine two, with a comma; and a semicolon.\n\n" + "Zürich ✓ ".repeat(40);
    const text = renderCalendar({ events: [event({ summary, description, location: "12 Rue de l'Été, Paris" })] });
    const lines = physicalLines(text);
    assert.ok(
      lines.some((l) => l.startsWith(" ")),
      "long lines are folded",
    );
    const [parsed] = parse(text).events;
    assert.equal(parsed!.summary, summary);
    assert.equal(parsed!.description, description);
    assert.equal(parsed!.location, "12 Rue de l'Été, Paris");
    // Folding never splits a multi-byte character: every physical line is valid UTF-8 on its own.
    for (const line of lines) assert.equal(Buffer.from(line, "utf8").toString("utf8"), line);
    assert.equal(foldLine("x".repeat(75)), "x".repeat(75));
    assert.equal(foldLine("x".repeat(76)), `${"x".repeat(75)}\r\n x`);
  });

  it("states the start in UTC, a three-hour duration, a stamp, a sequence and the URL", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const text = renderCalendar({
      method: "PUBLISH",
      name: "DinnerParty — ana",
      now,
      events: [event({ sequence: 4, url: `${ORIGIN}/parties/1` })],
    });
    const { calendar, events } = parse(text);
    assert.equal(calendar.getFirstPropertyValue("version"), "2.0");
    assert.equal(calendar.getFirstPropertyValue("method"), "PUBLISH");
    assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "DinnerParty — ana");
    const e = events[0]!;
    assert.equal(e.uid, "party-1@dinnerparty");
    assert.equal(e.startDate.toJSDate().toISOString(), "2026-12-24T18:30:00.000Z");
    assert.equal(e.startDate.zone?.tzid, "UTC");
    assert.equal(e.duration.toSeconds(), 3 * 3600);
    assert.equal(e.endDate.toJSDate().toISOString(), "2026-12-24T21:30:00.000Z");
    assert.equal(e.sequence, 4);
    assert.equal(String(e.component.getFirstPropertyValue("dtstamp")), "2026-12-01T10:00:00Z");
    assert.equal(e.component.getFirstPropertyValue("url"), `${ORIGIN}/parties/1`);
    assert.match(text, /^DTSTART:20261224T183000Z\r$/m);
  });
});

describe("a party's calendar event", () => {
  it("keeps its UID, grows its SEQUENCE with every saved change, and names the venue only to those who may see it", async () => {
    const host = await makeUser("calhost");
    const maybe = await makeUser("calmaybe");
    const going = await makeUser("calgoing");
    const created = await makeParty(host.id, { venue: "4 Hidden Row", venueHidden: true, title: "Soup night" });
    await answerParty(created.id, maybe.id, { response: "maybe" });
    await answerParty(created.id, going.id, { response: "going" });
    const asHost = parse(renderCalendar({ events: [partyEvent((await findParty(created.id, host.id))!, ORIGIN)] }));
    const asMaybe = parse(renderCalendar({ events: [partyEvent((await findParty(created.id, maybe.id))!, ORIGIN)] }));
    const asGoing = parse(renderCalendar({ events: [partyEvent((await findParty(created.id, going.id))!, ORIGIN)] }));
    assert.equal(asHost.events[0]!.location, "4 Hidden Row");
    assert.equal(asGoing.events[0]!.location, "4 Hidden Row");
    assert.equal(asMaybe.events[0]!.component.getFirstProperty("location"), null);
    assert.equal(asMaybe.events[0]!.summary, "Soup night");
    const google = new URL(googleCalendarUrl((await findParty(created.id, maybe.id))!, ORIGIN));
    assert.equal(google.searchParams.get("location"), null);
    assert.equal(google.searchParams.get("text"), "Soup night");
    assert.ok(!google.toString().includes("Hidden"));

    const before = asHost.events[0]!;
    assert.equal((await updateParty(created.id, host.id, { venue: "5 Hidden Row" })).status, "ok");
    assert.equal((await updateParty(created.id, host.id, { seats: 8 })).status, "ok");
    const after = parse(renderCalendar({ events: [partyEvent((await findParty(created.id, host.id))!, ORIGIN)] }))
      .events[0]!;
    assert.equal(after.uid, before.uid);
    assert.equal(before.sequence, 0);
    assert.equal(after.sequence, 2, "edited twice: SEQUENCE 2");
    assert.equal(after.location, "5 Hidden Row");
  });

  it("a party without a title or shown venue is named after its host, never after the venue", async () => {
    const host = await makeUser("calnamed");
    const guest = await makeUser("calguest");
    const party = await makeParty(host.id, { venue: "9 Quiet Lane", venueHidden: true });
    await answerParty(party.id, guest.id, { response: "maybe" });
    const seen = (await findParty(party.id, guest.id))!;
    assert.equal(seen.title, `${host.username}'s dinner party`);
    assert.equal(seen.venue, null);
    assert.ok(!renderCalendar({ events: [partyEvent(seen, ORIGIN)] }).includes("Quiet"));
    assert.equal((await findParty(party.id, host.id))!.title, "Dinner at 9 Quiet Lane");
  });
});

describe("the calendar feed", () => {
  it("opens with its owner's current token only; a reset kills the old one", async () => {
    const user = await makeUser("feed");
    const token = (await feedTokenFor(user.id))!;
    assert.deepEqual(await feedOwner(token), { id: user.id, username: user.username });
    assert.equal(await feedTokenFor(user.id), token, "the same link every time");
    // The database alone makes no token: the right id and secret without AUTH_SECRET do not open it.
    const { calendarSecret } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.equal(await feedOwner(makeToken("feed", user.id, calendarSecret, "another key")), null);
    // An invitation token with the same id and secret is not a feed token.
    assert.equal(await feedOwner(makeToken("invitation", user.id, calendarSecret)), null);
    const reset = await resetFeed(user.id);
    assert.equal(reset.status, "ok");
    assert.equal(await feedOwner(token), null);
    assert.deepEqual(await feedOwner((reset as { token: string }).token), { id: user.id, username: user.username });
    for (const wrong of ["", "x", "A".repeat(200), token.slice(0, -1), `${token}A`])
      assert.equal(await feedOwner(wrong), null);
  });

  it("is a PUBLISH calendar of one's parties, read back field by field", async () => {
    const me = await makeUser("feedread");
    const title = "Réveillon, chez Zoë; 8 pm 🍷";
    const party = await makeParty(me.id, {
      title,
      venue: "Rue d'Été 3, Genève",
      details: "Bring: bread, cheese\nCode; 42",
    });
    assert.equal((await updateParty(party.id, me.id, { seats: 9 })).status, "ok");
    assert.equal((await updateParty(party.id, me.id, { mainDish: "Fondue" })).status, "ok");
    const now = new Date();
    const text = (await feedFile((await feedTokenFor(me.id))!, ORIGIN, now))!;
    physicalLines(text);
    const { calendar, events } = parse(text);
    assert.equal(calendar.getFirstPropertyValue("method"), "PUBLISH");
    assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), `DinnerParty — ${me.username}`);
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.equal(e.uid, `party-${party.id}@dinnerparty`);
    assert.equal(e.summary, title);
    assert.equal(e.location, "Rue d'Été 3, Genève");
    assert.equal(e.description, `Bring: bread, cheese\nCode; 42\n\nHosted by ${me.username}. Main dish: Fondue.`);
    // iCalendar times have whole seconds.
    assert.equal(e.startDate.toJSDate().getTime(), Math.floor(party.startsAt.getTime() / 1000) * 1000);
    assert.equal(e.duration.toString(), "PT3H");
    assert.equal(e.sequence, 2);
    assert.equal(e.component.getFirstPropertyValue("url"), `${ORIGIN}/parties/${party.id}`);
    assert.equal(await feedFile("not-a-token", ORIGIN), null);
  });

  it("lists the parties one hosts or is going or maybe to — not declined, waitlisted, removed or unseen", async () => {
    const me = await makeUser("feedme");
    const other = await makeUser("feedother");
    const filler = await makeUser("feedfill");
    const hosted = await makeParty(me.id);
    const going = await makeParty(other.id, { visibility: "invite-only" });
    const maybe = await makeParty(other.id);
    const declined = await makeParty(other.id);
    const waitlisted = await makeParty(other.id, { seats: 2, waitlist: true });
    const removed = await makeParty(other.id, { visibility: "invite-only" });
    const unrelated = await makeParty(other.id);
    // Invite-only: only someone who opened the link may answer.
    for (const p of [going, removed]) await recordVisit((await invitationTokenFor(p.id, other.id))!, me.id);
    await answerParty(going.id, me.id, { response: "going" });
    await answerParty(maybe.id, me.id, { response: "maybe" });
    await answerParty(declined.id, me.id, { response: "declined" });
    await answerParty(waitlisted.id, filler.id, { response: "going" });
    assert.equal((await answerParty(waitlisted.id, me.id, { response: "going" })).status, "ok");
    await answerParty(removed.id, me.id, { response: "going" });
    await removeGuest(removed.id, other.id, me.username);
    const ids = (await listCalendar(me.id, new Date(Date.now() - 86_400_000))).map((p) => p.id);
    for (const p of [hosted, going, maybe]) assert.ok(ids.includes(p.id), `party ${p.id} is in the feed`);
    for (const p of [declined, waitlisted, removed, unrelated]) assert.ok(!ids.includes(p.id), `party ${p.id} is not`);
  });
});
