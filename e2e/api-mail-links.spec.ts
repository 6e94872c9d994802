import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { sql } from "./support/db";
import { mailsTo, waitForMail } from "./support/mail";
import { apiAnswer, apiCreateParty } from "./support/parties";
import { apiLogin, createUser, newUser, randomIp, type TestUser } from "./support/users";

// Mail scanners open every link of a mail before its owner does, with GET
// and HEAD. Every link of every kind of mail is opened here that way —
// logged out, as a scanner, and as the recipient — and nothing may change:
// no address confirmed, no link spent, no mail turned off, no answer given.

const baseURL = () => test.info().project.use.baseURL!;

async function registered(prefix: string): Promise<{ api: APIRequestContext; user: TestUser; id: string }> {
  const api = await playwrightRequest.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  // Through the API: registration mails the confirmation link.
  const user = await createUser(api, newUser(prefix));
  await apiLogin(api, user);
  const { id } = await (await api.get("/api/me")).json();
  return { api, user, id };
}

/** What the links could change, for these people and their parties only (other tests run beside). */
async function state(userIds: string[], partyIds: number[]) {
  const u = userIds.map((_, i) => `$${i + 1}`).join(", ");
  const p = partyIds.length ? partyIds.join(", ") : "0";
  const q = (query: string) => sql(query, userIds);
  return {
    users: await q(
      `SELECT "id", "email", "emailVerified", "passwordHash", "notifyRsvps", "notifySeatOpened", "notifyPartyChanged",
              "notifyReminders", "notifyHostMessages" FROM "User" WHERE "id" IN (${u}) ORDER BY "id"`,
    ),
    sessions: await q(
      `SELECT "userId", "sessionToken" FROM "Session" WHERE "userId" IN (${u}) ORDER BY "sessionToken"`,
    ),
    confirmations: await q(
      `SELECT "tokenHash", "usedAt" FROM "EmailConfirmation" WHERE "userId" IN (${u}) ORDER BY "tokenHash"`,
    ),
    resets: await q(
      `SELECT "tokenHash", "usedAt" FROM "PasswordResetToken" WHERE "userId" IN (${u}) ORDER BY "tokenHash"`,
    ),
    answers: await sql(
      `SELECT "partyId", "userId", "response", "plusOnes", "note", "queuePos" FROM "Attendance"
        WHERE "partyId" IN (${p}) ORDER BY "partyId", "userId"`,
    ),
    parties: await sql(
      `SELECT "id", "seatsTaken", "startsAt", "venue" FROM "DinnerParty" WHERE "id" IN (${p}) ORDER BY "id"`,
    ),
    visits: await sql(
      `SELECT "partyId", "userId" FROM "PartyVisit" WHERE "partyId" IN (${p}) ORDER BY "partyId", "userId"`,
    ),
  };
}

test("every link of every mail, opened with GET and HEAD, logged out or as its recipient, changes nothing", async () => {
  test.setTimeout(120_000);
  const host = await registered("mlhost");
  const guest = await registered("mlguest");
  const waiting = await registered("mlwait");

  // Every kind of mail: confirmation (registration, above), password reset,
  // a new answer, a seat opening up, a changed party, a host's message, the
  // reminder, a cancelled party.
  await host.api.post("/api/users/password-reset", { data: { email: host.user.email } });
  const party = await apiCreateParty(host.api, {
    seats: 2,
    waitlist: true,
    date: new Date(Date.now() + 20 * 3_600_000).toISOString(),
  });
  await apiAnswer(guest.api, party.id, { response: "going" });
  await apiAnswer(waiting.api, party.id, { response: "going" }); // waitlisted
  await apiAnswer(guest.api, party.id, { response: "declined" }); // the seat goes to `waiting`
  await waitForMail(waiting.user.email, { subject: /seat opened/i });
  await waitForMail(waiting.user.email, { subject: /^Tomorrow: / });
  expect((await host.api.patch(`/api/parties/${party.id}`, { data: { venue: "The new place" } })).status()).toBe(200);
  await waitForMail(waiting.user.email, { subject: /changed/i });
  expect(
    (await host.api.post(`/api/parties/${party.id}/messages`, { data: { message: "Bring a jumper" } })).status(),
  ).toBe(201);
  await waitForMail(waiting.user.email, { subject: /message/i });
  const gone = await apiCreateParty(host.api);
  await apiAnswer(guest.api, gone.id, { response: "going" });
  expect((await host.api.delete(`/api/parties/${gone.id}`)).status()).toBe(204);
  await waitForMail(guest.user.email, { subject: /cancelled/i });
  await waitForMail(host.user.email, { subject: /Reset your/ });

  const people = [host, guest, waiting];
  const links = new Map<string, APIRequestContext>();
  for (const person of people) {
    for (const mail of await mailsTo(person.user.email)) {
      for (const [url] of (mail.text ?? "").matchAll(/https?:\/\/[^\s<>"]+/g)) links.set(url, person.api);
    }
  }
  expect([...links.keys()].some((l) => l.includes("/verify-email/"))).toBe(true);
  expect([...links.keys()].some((l) => l.includes("/reset-password/"))).toBe(true);
  expect([...links.keys()].some((l) => l.includes("/unsubscribe/"))).toBe(true);

  const ids = people.map((p) => p.id);
  const before = await state(ids, [party.id, gone.id]);
  const scanner = await playwrightRequest.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  for (const [link, recipient] of links) {
    for (const client of [scanner, recipient]) {
      for (const method of ["GET", "HEAD"]) {
        const res = await client.fetch(link, { method });
        expect(res.status(), `${method} ${link}`).toBeLessThan(500);
      }
    }
  }
  expect(await state(ids, [party.id, gone.id])).toEqual(before);
  await Promise.all([scanner.dispose(), ...people.map((p) => p.api.dispose())]);
});
