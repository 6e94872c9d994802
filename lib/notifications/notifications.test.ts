// Notification mails below the pages: each is queued in the transaction of
// the change it tells of, only for those who want it, with its one-click
// unsubscribe — on the database of the run.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { beforeEach, describe, it } from "node:test";
import { db } from "@/lib/db";
import { answerParty, cancelRsvp, deleteParty, updateParty } from "@/lib/parties/mutations";
import { makeParty, makeUser } from "@/lib/parties/test-helpers";
import { hashPassword } from "@/lib/credentials/password";
import { saveTimeZone } from "@/lib/sessions/mutations";
import { deleteAccount, requestPasswordReset } from "@/lib/users/mutations";
import { getPreferences, listHostMessages, unsubscribeTarget } from "./data";
import { queueReminders, savePreferences, sendHostMessage, unsubscribe } from "./mutations";
import { NOTIFICATION_KINDS } from "./schema";
import { readUnsubscribeToken, unsubscribeToken } from "./tokens";

async function person(prefix = "n") {
  const user = await makeUser(prefix);
  const { email } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  return { ...user, email };
}

const mailsTo = (email: string, kind?: string) =>
  db.outboxMail.findMany({ where: { to: email, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });

const headersOf = (m: { headers: string }) => JSON.parse(m.headers) as Record<string, string>;

beforeEach(async () => {
  await db.outboxMail.deleteMany({});
});

describe("preferences and unsubscribe links", () => {
  it("are all on for a new account; saving some leaves the others", async () => {
    const u = await person();
    assert.deepEqual(await getPreferences(u.id), Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])));
    await savePreferences(u.id, { reminders: false });
    const prefs = await getPreferences(u.id);
    assert.equal(prefs?.reminders, false);
    assert.equal(prefs?.rsvps, true);
  });

  it("a token names one user and one kind; a changed byte, another kind or another user's token does not work", async () => {
    const u = await person();
    const other = await person();
    const token = unsubscribeToken(u.id, "rsvps");
    assert.deepEqual(readUnsubscribeToken(token), { userId: u.id, kind: "rsvps" });
    const bytes = Buffer.from(token, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    assert.equal(readUnsubscribeToken(bytes.toString("base64url")), null);
    // The id of one kind with the MAC of another: refused.
    const forged = Buffer.concat([
      Buffer.from(`${u.id}:reminders`),
      Buffer.from(token, "base64url").subarray(-17),
    ]).toString("base64url");
    assert.equal(readUnsubscribeToken(forged), null);
    assert.equal(readUnsubscribeToken(unsubscribeToken(other.id, "rsvps").replace(/./, "A")), null);
    assert.equal(readUnsubscribeToken("not-a-token"), null);
    assert.deepEqual(await unsubscribe("x".repeat(300)), { status: "invalid" });
  });

  it("unsubscribing turns off that kind only, needs no session, and may be repeated", async () => {
    const u = await person();
    const token = unsubscribeToken(u.id, "partyChanged");
    assert.deepEqual(await unsubscribeTarget(token), { kind: "partyChanged", on: true });
    assert.deepEqual(await unsubscribe(token), { status: "ok", kind: "partyChanged" });
    assert.deepEqual(await unsubscribe(token), { status: "ok", kind: "partyChanged" });
    const prefs = await getPreferences(u.id);
    assert.equal(prefs?.partyChanged, false);
    assert.equal(NOTIFICATION_KINDS.filter((k) => prefs?.[k]).length, 4);
    assert.deepEqual(await unsubscribeTarget(token), { kind: "partyChanged", on: false });
  });
});

describe("the mails", () => {
  it("the host hears of a new and a changed answer, with the guest, the party and a one-click unsubscribe", async () => {
    const host = await person("host");
    const guest = await person("guest");
    const party = await makeParty(host.id, { title: "Soup night" });
    assert.equal((await answerParty(party.id, guest.id, { response: "going", plusOnes: 0 })).status, "ok");
    assert.equal((await answerParty(party.id, guest.id, { response: "maybe" })).status, "ok");
    const mails = await mailsTo(host.email, "notify-rsvps");
    assert.equal(mails.length, 2);
    assert.match(mails[0]!.subject, new RegExp(`${guest.username} is going to Soup night`));
    assert.match(mails[1]!.text, new RegExp(`${guest.username} might come to Soup night`));
    const h = headersOf(mails[0]!);
    assert.match(h["List-Unsubscribe"]!, /^<https?:\/\/[^>]+\/api\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    assert.equal(h["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
    const token = /\/api\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(h["List-Unsubscribe"]!)![1]!;
    assert.deepEqual(readUnsubscribeToken(token), { userId: host.id, kind: "rsvps" });
    assert.ok(mails[0]!.text.includes(`/unsubscribe/${token}`), "the same link for people, in the footer");
    assert.equal((await mailsTo(guest.email)).length, 0, "the guest gets nothing for their own answer");

    // The same answer again is no news.
    assert.equal((await answerParty(party.id, guest.id, { response: "maybe" })).status, "ok");
    assert.equal((await mailsTo(host.email, "notify-rsvps")).length, 2);

    // Only the note changes: the mail says so, not "changed their answer".
    assert.equal((await answerParty(party.id, guest.id, { response: "maybe", note: "Late, 9-ish" })).status, "ok");
    const noted = (await mailsTo(host.email, "notify-rsvps"))[2]!;
    assert.equal(noted.subject, `${guest.username} left you a note about Soup night`);
    assert.match(noted.html, new RegExp(`${guest.username} left you a note`));
    assert.ok(noted.text.includes("Their note: Late, 9-ish"));
    assert.ok(!/changed their answer/.test(noted.text));

    assert.equal((await cancelRsvp(party.id, guest.id)).status, "ok");
    const withdrawn = await mailsTo(host.email, "notify-rsvps");
    assert.equal(withdrawn.length, 4);
    assert.match(withdrawn[3]!.subject, new RegExp(`${guest.username} withdrew their answer to Soup night`));
  });

  it("a host who deletes their account: the guests of their upcoming parties hear it is cancelled", async () => {
    const host = await person("host");
    const guest = await person("g");
    const party = await makeParty(host.id, { title: "Farewell dinner" });
    await answerParty(party.id, guest.id, { response: "going" });
    await db.user.update({
      where: { id: host.id },
      data: { passwordHash: await hashPassword("a long enough password") },
    });
    assert.equal((await deleteAccount(host.id, "a long enough password")).status, "ok");
    const [mail] = await mailsTo(guest.email, "notify-partyChanged");
    assert.match(mail!.subject, /Farewell dinner is cancelled/);
  });

  it("a refused answer mails nobody, and a host who turned answers off gets none", async () => {
    const host = await person("host");
    const first = await person("guest");
    const second = await person("guest");
    const party = await makeParty(host.id, { seats: 2 });
    await answerParty(party.id, first.id, { response: "going" });
    assert.equal((await answerParty(party.id, second.id, { response: "going" })).status, "full");
    assert.equal((await mailsTo(host.email)).length, 1, "only the answer that was stored");
    await savePreferences(host.id, { rsvps: false });
    await answerParty(party.id, second.id, { response: "maybe" });
    assert.equal((await mailsTo(host.email)).length, 1);
  });

  it("a waitlisted guest hears of the seat they get, in the transaction that frees it", async () => {
    const host = await person("host");
    const going = await person("guest");
    const waiting = await person("guest");
    const party = await makeParty(host.id, { seats: 2, waitlist: true });
    await answerParty(party.id, going.id, { response: "going" });
    assert.equal((await answerParty(party.id, waiting.id, { response: "going" })).status, "ok");
    assert.equal((await mailsTo(waiting.email, "notify-seatOpened")).length, 0);
    await cancelRsvp(party.id, going.id);
    const [mail, ...more] = await mailsTo(waiting.email, "notify-seatOpened");
    assert.equal(more.length, 0);
    assert.match(mail!.subject, /A seat opened up/);
    assert.equal(headersOf(mail!)["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  });

  it("going and maybe guests hear of a new date or venue — the venue only if they may see it — and of the deletion", async () => {
    const host = await person("host");
    const [going, maybe, declined, quiet] = await Promise.all([person("g"), person("m"), person("d"), person("q")]);
    const party = await makeParty(host.id, { venueHidden: true, venue: "12 Secret Lane" });
    await answerParty(party.id, going.id, { response: "going" });
    await answerParty(party.id, maybe.id, { response: "maybe" });
    await answerParty(party.id, declined.id, { response: "declined" });
    await answerParty(party.id, quiet.id, { response: "going" });
    await savePreferences(quiet.id, { partyChanged: false });

    assert.equal((await updateParty(party.id, host.id, { mainDish: "Curry" })).status, "ok");
    assert.equal((await mailsTo(going.email)).length, 0, "the main dish is not a change guests are mailed about");

    const later = new Date(party.startsAt.getTime() + 86_400_000);
    assert.equal((await updateParty(party.id, host.id, { startsAt: later, venue: "7 Hidden Row" })).status, "ok");
    const [g] = await mailsTo(going.email, "notify-partyChanged");
    const [m] = await mailsTo(maybe.email, "notify-partyChanged");
    assert.ok(g && m);
    assert.match(g.text, /7 Hidden Row/);
    assert.doesNotMatch(
      m.text + m.html + m.subject,
      /Hidden Row|Secret Lane/,
      "a maybe guest is not told a hidden venue",
    );
    assert.equal((await mailsTo(declined.email)).length, 0);
    assert.equal((await mailsTo(quiet.email)).length, 0);
    assert.equal((await mailsTo(host.email, "notify-partyChanged")).length, 0);

    assert.equal((await deleteParty(party.id, host.id)).status, "ok");
    assert.equal((await mailsTo(going.email, "notify-partyChanged")).length, 2);
    const cancelled = (await mailsTo(maybe.email, "notify-partyChanged"))[1]!;
    assert.match(cancelled.subject, /is cancelled/);
    assert.equal((await deleteParty(party.id, host.id)).status, "not_found");
  });

  it("someone else cannot delete the party, and then nobody is mailed", async () => {
    const host = await person("host");
    const guest = await person("g");
    const party = await makeParty(host.id);
    await answerParty(party.id, guest.id, { response: "going" });
    assert.equal((await deleteParty(party.id, guest.id)).status, "forbidden");
    assert.equal((await mailsTo(guest.email)).length, 0);
  });

  it("the reset mail carries no unsubscribe header and goes out with every notification off", async () => {
    const u = await person();
    await savePreferences(u.id, Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, false])));
    await requestPasswordReset(u.email, `10.7.${randomBytes(1)[0]}.1`);
    const [mail] = await mailsTo(u.email, "password-reset");
    assert.ok(mail);
    assert.deepEqual(headersOf(mail), {});
  });
});

describe("the dates in mail", () => {
  it("are written in each recipient's own zone, named — the zone their browser last reported, else UTC", async () => {
    const host = await person("tzhost");
    const [paris, nowhere] = await Promise.all([person("tzparis"), person("tzutc")]);
    await saveTimeZone(host.id, "America/New_York");
    await saveTimeZone(paris.id, "Europe/Paris");
    const party = await makeParty(host.id, { startsAt: new Date("2031-06-06T18:30:00Z"), title: "Zone supper" });
    await answerParty(party.id, paris.id, { response: "going" });
    await answerParty(party.id, nowhere.id, { response: "going" });
    await updateParty(party.id, host.id, { startsAt: new Date("2031-06-07T18:30:00Z") });
    const toHost = (await mailsTo(host.email, "notify-rsvps"))[0]!;
    assert.ok(toHost.text.includes("6 Jun 2031, 14:30 (America/New_York)"), toHost.text);
    const [toParis] = await mailsTo(paris.email, "notify-partyChanged");
    assert.ok(toParis!.text.includes("7 Jun 2031, 20:30 (Europe/Paris)"), toParis!.text);
    const [toNowhere] = await mailsTo(nowhere.email, "notify-partyChanged");
    assert.ok(toNowhere!.text.includes("7 Jun 2031, 18:30 (UTC)"), toNowhere!.text);
  });
});

describe("reminders", () => {
  it("go to each going guest once, the day before, whatever runs at once or again", async () => {
    const host = await person("host");
    const [going, maybe, off] = await Promise.all([person("g"), person("m"), person("o")]);
    const soon = await makeParty(host.id, { startsAt: new Date(Date.now() + 20 * 3_600_000) });
    const later = await makeParty(host.id, { startsAt: new Date(Date.now() + 3 * 86_400_000) });
    for (const p of [soon, later]) {
      await answerParty(p.id, going.id, { response: "going" });
      await answerParty(p.id, maybe.id, { response: "maybe" });
      await answerParty(p.id, off.id, { response: "going" });
    }
    await savePreferences(off.id, { reminders: false });
    // Several instances scanning at once, then again later (a restart).
    await Promise.all([queueReminders(), queueReminders(), queueReminders()]);
    await queueReminders();
    const mails = await mailsTo(going.email, "notify-reminders");
    assert.equal(mails.length, 1, "once per guest and party");
    assert.equal(mails[0]!.dedupeKey, `reminder:${soon.id}:${going.id}`);
    assert.ok(mails[0]!.text.includes(soon.venue!), mails[0]!.text);
    assert.equal((await mailsTo(maybe.email)).filter((m) => m.kind === "notify-reminders").length, 0);
    assert.equal((await mailsTo(off.email)).filter((m) => m.kind === "notify-reminders").length, 0);
    assert.equal((await mailsTo(host.email, "notify-reminders")).length, 0, "the host needs no reminder");

    // Sent, then the sender's rows stay: a later scan still finds the key.
    await db.outboxMail.updateMany({ where: { id: mails[0]!.id }, data: { status: "sent" } });
    await queueReminders(new Date(Date.now() + 3_600_000));
    assert.equal((await mailsTo(going.email, "notify-reminders")).length, 1);
  });
});

describe("Message your guests", () => {
  it("is kept and mailed to going, maybe and waitlisted guests who want it; only the host may send it", async () => {
    const host = await person("host");
    const [going, maybe, declined, waiting, off, stranger] = await Promise.all([
      person("g"),
      person("m"),
      person("d"),
      person("w"),
      person("o"),
      person("s"),
    ]);
    const party = await makeParty(host.id, { seats: 3, waitlist: true });
    await answerParty(party.id, going.id, { response: "going" });
    await answerParty(party.id, off.id, { response: "going" });
    await answerParty(party.id, waiting.id, { response: "going" });
    await answerParty(party.id, maybe.id, { response: "maybe" });
    await answerParty(party.id, declined.id, { response: "declined" });
    await savePreferences(off.id, { hostMessages: false });

    const sent = await sendHostMessage(party.id, host.id, "Bring a jumper:\nthe garden is cold.");
    assert.deepEqual(sent, { status: "ok", sentTo: 4 });
    for (const u of [going, maybe, waiting]) {
      const [mail] = await mailsTo(u.email, "notify-hostMessages");
      assert.ok(mail, u.username);
      assert.match(mail.text, /Bring a jumper/);
    }
    for (const u of [declined, off, stranger]) assert.equal((await mailsTo(u.email, "notify-hostMessages")).length, 0);

    assert.equal((await listHostMessages(party.id, going.id))[0]?.body, "Bring a jumper:\nthe garden is cold.");
    assert.equal((await listHostMessages(party.id, host.id)).length, 1);
    assert.equal((await listHostMessages(party.id, declined.id)).length, 0, "not for those who can't go");
    assert.equal((await listHostMessages(party.id, stranger.id)).length, 0);
    assert.equal((await listHostMessages(party.id, null)).length, 0);

    assert.deepEqual(await sendHostMessage(party.id, going.id, "Hi"), { status: "forbidden" });
    assert.deepEqual(await sendHostMessage(999_999_999, host.id, "Hi"), { status: "not_found" });
    assert.equal(await db.partyMessage.count({ where: { partyId: party.id } }), 1);
  });
});
