// The transactional outbox and its senders, against a real SMTP server on
// loopback (lib/testing/smtp.ts), on the database of the run (npm test: SQLite
// and PostgreSQL).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { simpleParser } from "mailparser";
import { db } from "@/lib/db";
import { startTestSmtp, type TestSmtp } from "@/lib/testing/smtp";
import { claimMail, enqueueMail, GIVE_UP_AFTER_MS, markAttemptFailed, retryDelay, type NewMail } from "./mutations";
import { startMailSender } from "./sender";
import { fileTransport, smtpTransport, type MailTransport } from "./transport";

const mail = (n: number, extra: Partial<NewMail> = {}): NewMail => ({
  kind: "test",
  to: `guest${n}@example.test`,
  subject: `Test mail ${n}`,
  text: `Hello ${n}`,
  html: `<p>Hello ${n}</p>`,
  ...extra,
});

const quiet = () => {};
let smtp: TestSmtp;

before(async () => {
  smtp = await startTestSmtp();
});
after(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  await db.outboxMail.deleteMany({});
  smtp.mails.length = 0;
  smtp.refuse(false);
});

describe("the outbox", () => {
  it("keeps a mail only if the change that caused it commits", async () => {
    await assert.rejects(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, mail(1));
        throw new Error("the change failed");
      }),
    );
    assert.equal(await db.outboxMail.count(), 0);
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, mail(2));
    });
    assert.equal(await db.outboxMail.count(), 1);
  });

  it("queues a mail with a dedupe key once, without breaking the caller's transaction", async () => {
    const results = await db.$transaction(async (tx) => {
      const first = await enqueueMail(tx, mail(1, { dedupeKey: "reminder:1:u1" }));
      const again = await enqueueMail(tx, mail(1, { dedupeKey: "reminder:1:u1" }));
      const other = await enqueueMail(tx, mail(2, { dedupeKey: "reminder:1:u2" }));
      return [first, again, other];
    });
    assert.deepEqual(results, [true, false, true]);
    assert.equal(await enqueueMail(db, mail(1, { dedupeKey: "reminder:1:u1" })), false);
    assert.equal(await db.outboxMail.count(), 2);
  });

  it("leases a claimed mail: nobody else takes it until the lease runs out", async () => {
    await enqueueMail(db, mail(1));
    const now = new Date();
    const [a] = await claimMail("a", { now, leaseMs: 60_000 });
    assert.ok(a);
    assert.deepEqual(await claimMail("b", { now }), []);
    const [b] = await claimMail("b", { now: new Date(now.getTime() + 60_001) });
    assert.equal(b?.id, a.id, "an expired lease is taken over");
    assert.equal(b?.attempts, 2);
  });

  it("backs off after a failure and gives up a day after the mail was queued", async () => {
    assert.deepEqual([1, 2, 3, 4].map(retryDelay), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(retryDelay(30), 2 * 3_600_000);
    await enqueueMail(db, mail(1));
    const now = new Date();
    const [claimed] = await claimMail("a", { now });
    assert.equal(await markAttemptFailed(claimed!, "a", "450 try later", now), "retry");
    const row = await db.outboxMail.findFirstOrThrow();
    assert.equal(row.status, "queued");
    assert.equal(row.nextAttemptAt.getTime(), now.getTime() + 30_000);
    assert.equal(row.lastError, "450 try later");
    assert.deepEqual(await claimMail("a", { now }), [], "not before its time");
    const later = new Date(claimed!.createdAt.getTime() + GIVE_UP_AFTER_MS);
    const [again] = await claimMail("a", { now: later });
    assert.equal(await markAttemptFailed(again!, "a", "still down", later), "failed");
    assert.equal((await db.outboxMail.findFirstOrThrow()).status, "failed");
  });
});

describe("the senders", () => {
  it("deliver 200 mails exactly once with four senders at once", async () => {
    for (let i = 0; i < 200; i++) await enqueueMail(db, mail(i));
    const senders = Array.from({ length: 4 }, (_, k) =>
      startMailSender({ transport: smtpTransport(smtp.url), owner: `s${k}`, loop: false, batch: 7, log: quiet }),
    );
    await Promise.all(
      senders.map(async (s) => {
        while ((await s.runOnce()) > 0);
      }),
    );
    await smtp.waitFor(200);
    const ids = smtp.mails.map((m) => String(m.headers.get("x-dinnerparty-mail")));
    assert.equal(new Set(ids).size, 200, "no mail twice");
    assert.equal(smtp.mails.length, 200);
    assert.equal(await db.outboxMail.count({ where: { status: "sent" } }), 200);
    await Promise.all(senders.map((s) => s.stop()));
  });

  it("lose nothing while the SMTP server is down, and deliver everything once it is back", async () => {
    for (let i = 0; i < 5; i++) await enqueueMail(db, mail(i));
    await smtp.stop();
    const sender = startMailSender({ transport: smtpTransport(smtp.url), owner: "down", loop: false, log: quiet });
    try {
      assert.equal(await sender.runOnce(), 5);
      const rows = await db.outboxMail.findMany();
      assert.ok(
        rows.every((r) => r.status === "queued" && r.attempts === 1 && r.lastError && r.nextAttemptAt > new Date()),
      );
      await smtp.restart();
      // The backoff's 30 s, passed.
      await db.outboxMail.updateMany({ data: { nextAttemptAt: new Date() } });
      assert.equal(await sender.runOnce(), 5);
      await smtp.waitFor(5);
      assert.equal(await db.outboxMail.count({ where: { status: "sent" } }), 5);
      assert.equal(smtp.mails.length, 5);
    } finally {
      await sender.stop();
    }
  });

  it("a refusing server is retried like one that is down", async () => {
    await enqueueMail(db, mail(1));
    smtp.refuse(true);
    const sender = startMailSender({ transport: smtpTransport(smtp.url), owner: "refused", loop: false, log: quiet });
    await sender.runOnce();
    const row = await db.outboxMail.findFirstOrThrow();
    assert.equal(row.status, "queued");
    assert.match(row.lastError ?? "", /450/);
    await sender.stop();
  });

  it("a graceful stop finishes the mail in flight and hands the rest back", async () => {
    for (let i = 0; i < 5; i++) await enqueueMail(db, mail(i));
    const smtpSend = smtpTransport(smtp.url);
    let started!: () => void;
    const first = new Promise<void>((r) => (started = r));
    const slow: MailTransport = {
      async send(m) {
        started();
        await new Promise((r) => setTimeout(r, 300));
        await smtpSend.send(m);
      },
      close: () => smtpSend.close(),
    };
    const sender = startMailSender({ transport: slow, owner: "stopping", batch: 5, pollMs: 50, log: quiet });
    await first;
    await sender.stop();
    await smtp.waitFor(1);
    const rows = await db.outboxMail.findMany({ orderBy: { status: "asc" } });
    assert.equal(rows.filter((r) => r.status === "sent").length, 1, "the mail in flight went out");
    const left = rows.filter((r) => r.status === "queued");
    assert.equal(left.length, 4);
    assert.ok(
      left.every((r) => r.leaseUntil === null && r.attempts === 0),
      "the rest handed back untried",
    );
  });

  it("without SMTP_URL: one .eml file per mail, text and HTML, and a log line saying where", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dp-mail-"));
    const lines: string[] = [];
    await enqueueMail(db, mail(1, { headers: { "List-Unsubscribe": "<https://example.test/u>" } }));
    const sender = startMailSender({
      transport: fileTransport(dir, "DinnerParty <dp@example.test>", (l) => lines.push(l)),
      loop: false,
      log: quiet,
    });
    assert.equal(await sender.runOnce(), 1);
    await sender.stop();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml"));
    assert.equal(files.length, 1);
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, files[0]!)));
    assert.equal(parsed.subject, "Test mail 1");
    assert.equal(parsed.text?.trim(), "Hello 1");
    assert.equal(parsed.html, "<p>Hello 1</p>");
    assert.equal(
      parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line,
      "List-Unsubscribe: <https://example.test/u>",
    );
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /guest1@example\.test.*\.eml/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
