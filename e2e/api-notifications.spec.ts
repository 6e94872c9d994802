import { expect, test } from "@playwright/test";
import { sql } from "./support/db";
import { header, mailsTo, waitForMail } from "./support/mail";
import { apiAnswer, apiCreateParty } from "./support/parties";
import { apiPerson } from "./support/users";

// The JSON API of notifications: the preferences, "Message your guests", and
// RFC 8058 one-click unsubscribe as a mail app does it (a POST, no session).

test(
  "GET/PUT /api/me/notifications: all on at first, a partial change keeps the rest, bad input changes nothing",
  { tag: "@smoke" },
  async ({ playwright }) => {
    const { api } = await apiPerson("prefs");
    const all = { rsvps: true, seatOpened: true, partyChanged: true, reminders: true, hostMessages: true };
    expect(await (await api.get("/api/me/notifications")).json()).toEqual(all);
    const put = await api.put("/api/me/notifications", { data: { reminders: false, hostMessages: false } });
    expect(put.status()).toBe(200);
    const changed = { ...all, reminders: false, hostMessages: false };
    expect(await put.json()).toEqual(changed);
    for (const data of [{ rsvps: "no" }, { rsvp: false }, [true], { seatOpened: null }]) {
      const res = await api.put("/api/me/notifications", { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect(typeof (await res.json()).message).toBe("string");
    }
    expect(await (await api.get("/api/me/notifications")).json()).toEqual(changed);
    expect((await api.post("/api/me/notifications", { data: {} })).status()).toBe(405);

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await anonymous.get("/api/me/notifications")).status()).toBe(401);
    expect((await anonymous.put("/api/me/notifications", { data: { rsvps: false } })).status()).toBe(401);
    await Promise.all([api.dispose(), anonymous.dispose()]);
  },
);

test("POST /api/parties/{id}/messages: host only, 201 {message, sentTo}; 400, 403, 404", async () => {
  const host = await apiPerson("mhost");
  const guest = await apiPerson("mguest");
  const party = await apiCreateParty(host.api);
  await apiAnswer(guest.api, party.id, { response: "going" });

  const res = await host.api.post(`/api/parties/${party.id}/messages`, { data: { message: "Dinner at eight sharp." } });
  expect(res.status()).toBe(201);
  expect(await res.json()).toEqual({ message: "Your message has been sent to 1 guests.", sentTo: 1 });
  const mail = await waitForMail(guest.user.email, { subject: /A message from/ });
  expect(mail.text).toContain("Dinner at eight sharp.");

  for (const data of [{}, { message: "" }, { message: "   " }, { message: "x".repeat(1001) }, { message: 5 }]) {
    const bad = await host.api.post(`/api/parties/${party.id}/messages`, { data });
    expect(bad.status(), JSON.stringify(data)).toBe(400);
    expect((await bad.json()).errors?.message?.length ?? 0).toBeGreaterThan(0);
  }
  expect((await guest.api.post(`/api/parties/${party.id}/messages`, { data: { message: "Hi" } })).status()).toBe(403);
  expect((await host.api.post(`/api/parties/999999999/messages`, { data: { message: "Hi" } })).status()).toBe(404);
  const invite = await apiCreateParty(host.api, { visibility: "invite-only" });
  // Someone else's invite-only party they cannot see: missing, not forbidden.
  expect((await guest.api.post(`/api/parties/${invite.id}/messages`, { data: { message: "Hi" } })).status()).toBe(404);
  await Promise.all([host.api.dispose(), guest.api.dispose()]);
});

test("one-click unsubscribe: the mail's List-Unsubscribe address, posted without a session, stops that kind only", async ({
  playwright,
}) => {
  const host = await apiPerson("uhost");
  const guest = await apiPerson("uguest");
  const party = await apiCreateParty(host.api);
  await apiAnswer(guest.api, party.id, { response: "going" });
  const mail = await waitForMail(host.user.email, { subject: /is going to/ });
  const url = /^<(.+)>$/.exec(String(header(mail, "List-Unsubscribe")))?.[1];
  expect(url).toBeTruthy();
  expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

  const mailApp = await playwright.request.newContext();
  // Opened rather than posted (a person, a link scanner): the page with the button, on the site it was opened on.
  for (const method of ["GET", "HEAD"]) {
    const opened = await mailApp.fetch(url!, { method, maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    expect(opened.headers()["location"]).toBe(`/unsubscribe/${url!.split("/").pop()}`);
  }
  expect((await (await host.api.get("/api/me/notifications")).json()).rsvps).toBe(true);
  const tampered = await mailApp.post(url!.slice(0, -2) + (url!.endsWith("AA") ? "BB" : "AA"), {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(tampered.status()).toBe(404);
  const res = await mailApp.post(url!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(res.status(), await res.text()).toBe(200);
  expect((await mailApp.post(url!, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);
  await mailApp.dispose();

  const prefs = await (await host.api.get("/api/me/notifications")).json();
  expect(prefs).toEqual({ rsvps: false, seatOpened: true, partyChanged: true, reminders: true, hostMessages: true });
  await apiAnswer(guest.api, party.id, { response: "maybe" });
  // The reset mail is never suppressed, and carries no unsubscribe header.
  await host.api.post("/api/users/password-reset", { data: { email: host.user.email } });
  const reset = await waitForMail(host.user.email, { subject: /Reset your/ });
  expect(header(reset, "List-Unsubscribe")).toBeUndefined();
  expect(
    (await mailsTo(host.user.email)).filter((m) => /answer|going to|might come/.test(m.subject ?? "")),
  ).toHaveLength(1);
  await Promise.all([host.api.dispose(), guest.api.dispose()]);
});

test("the zone a signed-in browser reports is kept on the account, for the dates in its mail", async () => {
  const { api, user } = await apiPerson("zone");
  expect((await api.post("/api/viewer/time-zone", { data: { timeZone: "Pacific/Auckland" } })).status()).toBe(204);
  const [row] = await sql<{ timeZone: string | null }>(`SELECT "timeZone" FROM "User" WHERE "email" = $1`, [
    user.email,
  ]);
  expect(row?.timeZone).toBe("Pacific/Auckland");
  // Not a zone: refused, nothing kept.
  expect((await api.post("/api/viewer/time-zone", { data: { timeZone: "Mars/Olympus" } })).status()).toBe(400);
  const [again] = await sql<{ timeZone: string | null }>(`SELECT "timeZone" FROM "User" WHERE "email" = $1`, [
    user.email,
  ]);
  expect(again?.timeZone).toBe("Pacific/Auckland");
  await api.dispose();
});
