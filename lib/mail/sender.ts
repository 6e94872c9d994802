import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { claimMail, markAttemptFailed, markSent, releaseMail } from "./mutations";
import type { MailTransport } from "./transport";

// The background sender: one per server process (instrumentation.ts), all
// of them sharing the outbox through the database. It claims a few due mails
// at a time, sends them one by one, marks each; when the outbox is empty it
// looks again every `pollMs`; now and then it runs `periodic` (the
// reminders). A graceful stop finishes the mail in flight and
// hands the rest of its claim back.

export type MailSender = {
  /** Send what is due now, once; how many mails were tried. */
  runOnce(): Promise<number>;
  /** Stop claiming, finish the mail in flight, release the rest. */
  stop(): Promise<void>;
};

export type SenderOptions = {
  transport: MailTransport;
  /** who holds a lease: unique per process */
  owner?: string;
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
  log?: (line: string) => void;
  /** start the loop (false: only runOnce, for tests) */
  loop?: boolean;
  /**
   * Work that queues mail of its own accord (the reminders), run by the loop
   * first thing and then every `everyMs`. Every process runs it: what it
   * queues must be unique in the outbox (a dedupe key), not in memory.
   */
  periodic?: { everyMs: number; run: () => Promise<unknown> };
  /** after a batch, rest this many times as long as it took (0: carry straight on) */
  busyRest?: number;
};

export function startMailSender({
  transport,
  owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
  pollMs = 1000,
  batch = 10,
  leaseMs = 60_000,
  log = (line) => console.log(line),
  loop = true,
  periodic,
  busyRest = 2,
}: SenderOptions): MailSender {
  let stopping = false;
  let periodicDue = 0;
  let wake: (() => void) | null = null;

  async function runOnce(): Promise<number> {
    const mails = await claimMail(owner, { limit: batch, leaseMs });
    // Marked sent together after the batch: a crash in between sends them again (at least once, decision 025).
    const sent: string[] = [];
    try {
      for (const [i, mail] of mails.entries()) {
        if (stopping) {
          await releaseMail(
            mails.slice(i).map((m) => m.id),
            owner,
          );
          return i;
        }
        try {
          await transport.send(mail);
          sent.push(mail.id);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          const fate = await markAttemptFailed(mail, owner, why);
          log(
            fate === "failed"
              ? `mail ${mail.id} (${mail.kind} to ${mail.to}) failed for good after ${mail.attempts} attempts: ${why}`
              : `mail ${mail.id} (${mail.kind}) not sent, will retry: ${why}`,
          );
        }
      }
    } finally {
      await markSent(sent, owner);
    }
    return mails.length;
  }

  async function run(): Promise<void> {
    while (!stopping) {
      let tried = 0;
      const started = Date.now();
      try {
        if (periodic && Date.now() >= periodicDue) {
          periodicDue = Date.now() + periodic.everyMs;
          await periodic.run();
        }
        tried = await runOnce();
      } catch (error) {
        // The database away, most likely: the outbox waits there, nothing is lost.
        log(`mail sender: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Idle: look again in a while. Busy: rest twice as long as the batch took, so that mail
      // takes at most a third of this process's time and the requests it serves come first.
      const rest = tried === 0 ? pollMs : Math.min(pollMs, (Date.now() - started) * busyRest);
      if (!stopping && rest > 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, rest).unref();
        });
        wake = null;
      }
    }
  }

  const running = loop ? run() : Promise.resolve();
  return {
    runOnce,
    async stop() {
      stopping = true;
      wake?.();
      await running;
      transport.close();
    },
  };
}
