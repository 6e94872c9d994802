import { request as playwrightRequest } from "@playwright/test";
import { apiLogin, createUser, expect, newUser, test } from "./fixtures";
import { sql } from "./support/db";
import { apiCreateParty, soon } from "./support/parties";
import { E2E_URLS } from "./support/servers";
import { randomIp } from "./support/users";
import { allRecipients, mailsTo, waitForMail } from "./support/mail";

// Two app instances (separate processes, separate ports) over one PostgreSQL
// database behave as one: nothing either needs lives in its memory.

const A = E2E_URLS.main;
const B = E2E_URLS.instanceB;

async function client(
  baseURL: string,
  ip = randomIp(),
  storageState?: Awaited<ReturnType<import("@playwright/test").APIRequestContext["storageState"]>>,
) {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip }, storageState });
}

test("both instances are up, on one database", async () => {
  for (const base of [A, B]) {
    const c = await client(base);
    expect((await c.get("/api/health")).status()).toBe(200);
    await c.dispose();
  }
});

test("a session made on one instance works on the other; logout on one ends it on both", async () => {
  const onA = await client(A);
  const user = await createUser(onA, newUser("multi"));
  await apiLogin(onA, user);
  const onB = await client(B, randomIp(), await onA.storageState());

  const me = await onB.get("/api/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).username).toBe(user.username);

  expect((await onA.post("/api/users/logout")).status()).toBe(204);
  expect((await onB.get("/api/me")).status()).toBe(401);
  await onA.dispose();
  await onB.dispose();
});

test("a change made through one instance shows at once in the party list the other keeps", async () => {
  const onA = await client(A);
  const host = await createUser(onA, newUser("keeper"));
  await apiLogin(onA, host);
  const party = await apiCreateParty(onA, { date: soon() });
  const listOnA = async () => {
    const res = await onA.get("/rsvp");
    expect(res.status()).toBe(200);
    return res.text();
  };
  expect(await listOnA()).toContain(party.venue);
  await listOnA(); // now kept in memory by A (server/page-cache.mjs)

  const onB = await client(B);
  const guest = await createUser(onB, newUser("across"));
  await apiLogin(onB, guest);
  expect((await onB.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);
  expect(await listOnA()).toContain(guest.username);
  await onA.dispose();
  await onB.dispose();
});

test("the login throttle counts attempts made on both instances", async () => {
  const ip = randomIp();
  const onA = await client(A, ip);
  const onB = await client(B, ip);
  const user = await createUser(onA, newUser("throttle"));
  for (let i = 0; i < 10; i++) {
    const c = i % 2 ? onB : onA;
    const res = await c.post("/api/users/login", { data: { email: user.email, password: `wrong ${i}` } });
    expect(res.status(), `attempt ${i + 1}`).toBe(400);
  }
  for (const c of [onA, onB]) {
    const res = await c.post("/api/users/login", { data: { email: user.email, password: user.password } });
    expect(res.status()).toBe(429);
  }
  await onA.dispose();
  await onB.dispose();
});

test("60 simultaneous RSVPs split across both instances for 9 free seats: exactly 9", async () => {
  test.setTimeout(180_000);
  const host = await client(A);
  const hostUser = await createUser(host, newUser("host"));
  await apiLogin(host, hostUser);
  const racers = await Promise.all(
    Array.from({ length: 60 }, async (_, i) => {
      const c = await client(i % 2 ? B : A);
      const u = await createUser(c, newUser("split"));
      await apiLogin(c, u);
      return { c, u };
    }),
  );
  for (let round = 1; round <= 2; round++) {
    const party = await apiCreateParty(host, { seats: 10 });
    const answers = await Promise.all(
      racers.map(async ({ c }) => (await c.post(`/api/parties/${party.id}/rsvp`)).status()),
    );
    expect(answers.filter((s) => s >= 500)).toEqual([]);
    expect(
      answers.filter((s) => s === 201),
      `round ${round}`,
    ).toHaveLength(9);
    expect(
      answers.filter((s) => s === 409),
      `round ${round}`,
    ).toHaveLength(51);
    const [row] = await sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "partyId" = $1`, [
      party.id,
    ]);
    expect(Number(row!.n)).toBe(10);
  }
  await Promise.all([host.dispose(), ...racers.map(({ c }) => c.dispose())]);
});

test("200 mails queued at once: the senders of both instances deliver each exactly once", async () => {
  test.setTimeout(120_000);
  const run = `bulk${Date.now().toString(36)}`;
  // Straight into the outbox, in one statement, as a burst of changes would leave it.
  await sql(
    `INSERT INTO "OutboxMail" ("id", "kind", "to", "subject", "text", "html", "headers", "status", "attempts",
                               "nextAttemptAt", "createdAt")
     SELECT $1 || '-' || i, 'test', $1 || '-' || i || '@example.test', 'Bulk ' || i, 'Mail ' || i, '<p>Mail ' || i || '</p>',
            '{}', 'queued', 0, now(), now()
     FROM generate_series(1, 200) AS i`,
    [run],
  );
  await expect
    .poll(
      async () =>
        Number(
          (
            await sql<{ n: string }>(
              `SELECT COUNT(*) AS n FROM "OutboxMail" WHERE "id" LIKE $1 AND "status" = 'sent'`,
              [`${run}-%`],
            )
          )[0]!.n,
        ),
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(200);
  const delivered = allRecipients().filter((m) => m.startsWith(`${run}-`));
  expect(delivered).toHaveLength(200);
  expect(new Set(delivered).size).toBe(200);
  const owners = await sql<{ owner: string }>(
    `SELECT DISTINCT "leaseOwner" AS owner FROM "OutboxMail" WHERE "id" LIKE $1`,
    [`${run}-%`],
  );
  console.log(`200 mails sent by ${owners.length} senders`);
});

test("a party tomorrow: its going guest gets one reminder, though every sender of both instances looks every second", async () => {
  test.setTimeout(60_000);
  const host = await client(A);
  await apiLogin(host, await createUser(host, newUser("remhost")));
  const guestClient = await client(B);
  const guest = await createUser(guestClient, newUser("remguest"));
  await apiLogin(guestClient, guest);
  const party = await apiCreateParty(host, { date: new Date(Date.now() + 20 * 3_600_000).toISOString() });
  expect((await guestClient.put(`/api/parties/${party.id}/rsvp`, { data: { response: "going" } })).status()).toBe(200);
  const reminder = await waitForMail(guest.email, { subject: /^Tomorrow: / });
  expect(reminder.text).toContain(party.venue);
  // Several more scans by each sender (REMINDER_SCAN_MS=1000 in the e2e servers).
  await new Promise((r) => setTimeout(r, 4000));
  expect((await mailsTo(guest.email)).filter((m) => /^Tomorrow: /.test(m.subject ?? ""))).toHaveLength(1);
  const keys = await sql(`SELECT "id" FROM "OutboxMail" WHERE "dedupeKey" = $1`, [
    `reminder:${party.id}:${
      (await sql<{ id: string }>(`SELECT "id" FROM "User" WHERE "username" = $1`, [guest.username]))[0]!.id
    }`,
  ]);
  expect(keys).toHaveLength(1);
  await Promise.all([host.dispose(), guestClient.dispose()]);
});
