import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { faultsDatabaseUrl } from "../scripts/lib/test-db.mjs";
import { apiCreateParty } from "./support/parties";
import { apiLogin, createUser, newUser, randomIp } from "./support/users";

// The faults project on SQLite, against the faults server, whose database file
// is its own: this test holds its write lock, which every other test's writes
// would otherwise wait for.
//
// While another process holds the write lock longer than the app's busy
// timeout (10 s), a write fails with SQLITE_BUSY — "temporarily unavailable",
// not a bug. A button pressed then (RSVP, cancel, delete: one-button forms,
// lib/safe-action.ts) must say so, like the app's other forms, and store
// nothing; never answer a 500.

test("a button pressed while the database is locked says 'temporarily unavailable', not a 500", async ({ browser }) => {
  test.setTimeout(90_000);
  const baseURL = test.info().project.use.baseURL!;
  const host = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  await apiLogin(host.request, await createUser(host.request, newUser("lockhost")));
  const party = await apiCreateParty(host.request);

  // Without JavaScript: the plain form post and the redirect after it.
  const guest = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const user = await createUser(guest.request, newUser("lockguest"));
  await apiLogin(guest.request, user);
  const page = await guest.newPage();
  await page.goto(`/parties/${party.id}`);
  const statuses: number[] = [];
  page.on("response", (r) => statuses.push(r.status()));

  const db = new Database(faultsDatabaseUrl().slice("file:".length));
  // The welcome mails sent first: a mail sender marking them sent while the
  // lock is held would wait out its own busy timeout — on the one connection
  // the process has — and move the RSVP's write past the lock's release.
  const queued = db.prepare(`SELECT count(*) AS n FROM "OutboxMail" WHERE "status" = 'queued'`);
  await expect.poll(() => (queued.get() as { n: number }).n, { timeout: 30_000 }).toBe(0);
  db.exec("BEGIN IMMEDIATE");
  let released = false;
  try {
    const posted = page.waitForResponse((r) => r.request().method() === "POST", { timeout: 60_000 });
    await page.getByRole("button", { name: "RSVP", exact: true }).click({ noWaitAfter: true });
    // Past the app's busy timeout, so its RSVP write fails; then let go, so
    // the message about it can be stored and shown.
    await new Promise((r) => setTimeout(r, 12_000));
    db.exec("ROLLBACK");
    released = true;
    const answer = await posted;
    expect(answer.status()).toBe(303);
  } finally {
    if (!released) db.exec("ROLLBACK");
    db.close();
  }
  await expect(page.getByRole("alert")).toContainText("temporarily unavailable");
  expect(statuses).not.toContain(500);
  await expect(page.getByRole("list", { name: "Guest list" })).not.toContainText(user.username);

  // Nothing half-done: the same RSVP goes through now.
  expect((await guest.request.post(`/api/parties/${party.id}/rsvp`)).status()).toBe(201);
  await host.close();
  await guest.close();
});
