import "server-only";
import { randomBytes } from "node:crypto";
import { db, provider, rawDate, sql, type RawScalar, type Tx } from "@/lib/db";

// The transactional outbox (prisma/models.prisma OutboxMail). A change that
// causes a mail writes the row in its own transaction (`enqueueMail(tx, …)`);
// senders in every process and instance then claim due rows with a lease —
// one conditional UPDATE, so two senders never hold the same row — send, and
// mark them sent. A crash between the send and the mark leaves the lease to
// expire and the mail is sent again: at least once, never lost
// (docs/decisions/025-mail-outbox.md).

export type NewMail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** a mail that must go out once only (a reminder per guest and party) */
  dedupeKey?: string;
};

/**
 * Queue a mail inside the caller's transaction. False when a mail with its
 * dedupe key is already queued: skipped in SQL (ON CONFLICT DO NOTHING), which
 * leaves the caller's transaction intact on both databases.
 */
export async function enqueueMail(tx: Tx, mail: NewMail, now = new Date()): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "OutboxMail" ("id", "kind", "to", "subject", "text", "html", "headers", "dedupeKey",
                              "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${`m${randomBytes(12).toString("hex")}`}, ${mail.kind}, ${mail.to}, ${mail.subject}, ${mail.text},
            ${mail.html}, ${JSON.stringify(mail.headers ?? {})}, ${mail.dedupeKey ?? null}, 'queued', 0, ${now}, ${now})
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

export type ClaimedMail = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attempts: number;
  createdAt: Date;
};

type RawClaimed = Omit<ClaimedMail, "headers" | "attempts" | "createdAt"> & {
  headers: string;
  attempts: RawScalar;
  createdAt: RawScalar;
};

// PostgreSQL: senders skip rows another one is claiming rather than wait for it.
const SKIP_LOCKED = provider === "postgresql" ? sql`FOR UPDATE SKIP LOCKED` : sql``;

/**
 * Take up to `limit` due mails for `owner` until `leaseMs` from now: queued,
 * due, and not held by a live lease. The WHERE is checked again on each row as
 * it is updated, so a row another sender took meanwhile is not taken twice.
 */
export async function claimMail(
  owner: string,
  { limit = 10, leaseMs = 60_000, now = new Date() }: { limit?: number; leaseMs?: number; now?: Date } = {},
): Promise<ClaimedMail[]> {
  const until = new Date(now.getTime() + leaseMs);
  // Most of the time there is nothing to send: a read first, so an idle sender never takes SQLite's write lock.
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "OutboxMail"
    WHERE "status" = 'queued' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
    LIMIT 1`;
  if (due.length === 0) return [];
  const rows = await db.$queryRaw<RawClaimed[]>`
    UPDATE "OutboxMail"
    SET "leaseOwner" = ${owner}, "leaseUntil" = ${until}, "attempts" = "attempts" + 1
    WHERE "id" IN (
        SELECT "id" FROM "OutboxMail"
        WHERE "status" = 'queued' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
        ${SKIP_LOCKED})
      AND "status" = 'queued' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
    RETURNING "id", "kind", "to", "subject", "text", "html", "headers", "attempts", "createdAt"`;
  return rows.map((r) => ({
    ...r,
    headers: JSON.parse(r.headers) as Record<string, string>,
    attempts: Number(r.attempts),
    createdAt: rawDate(r.createdAt),
  }));
}

/**
 * These mails went out. Only their lease holder marks them; one write for a
 * whole batch (SQLite has one writer, shared with every request).
 */
export async function markSent(ids: string[], owner: string, now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxMail.updateMany({
    where: { id: { in: ids }, leaseOwner: owner, status: "queued" },
    data: { status: "sent", sentAt: now, leaseUntil: null, lastError: null },
  });
}

/** How long a mail keeps being retried before it is marked failed. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 2 * 3_600_000;

/** The wait after the `attempts`-th failure: 30 s, 1 min, 2 min, … at most 2 h. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * The send failed: try again after the backoff, or — a day after the mail
 * was queued — give up and mark it failed. Returns what became of it.
 */
export async function markAttemptFailed(
  mail: Pick<ClaimedMail, "id" | "attempts" | "createdAt">,
  owner: string,
  error: string,
  now = new Date(),
): Promise<"retry" | "failed"> {
  const next = new Date(now.getTime() + retryDelay(mail.attempts));
  const giveUp = next.getTime() - mail.createdAt.getTime() > GIVE_UP_AFTER_MS;
  await db.outboxMail.updateMany({
    where: { id: mail.id, leaseOwner: owner, status: "queued" },
    data: giveUp
      ? { status: "failed", leaseUntil: null, lastError: error.slice(0, 1000) }
      : { nextAttemptAt: next, leaseUntil: null, lastError: error.slice(0, 1000) },
  });
  return giveUp ? "failed" : "retry";
}

/** Hand back mails claimed but not tried (a stopping sender), so another may take them at once. */
export async function releaseMail(ids: string[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxMail.updateMany({
    where: { id: { in: ids }, leaseOwner: owner, status: "queued" },
    data: { leaseUntil: null, attempts: { decrement: 1 } },
  });
}
