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
}: SenderOptions): MailSender {
  let stopping = false;
  let periodicDue = 0;
  let wake: (() => void) | null = null;

  async function runOnce(): Promise<number> {
    const mails = await claimMail(owner, { limit: batch, leaseMs });
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
        await markSent(mail.id, owner);
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
    return mails.length;
  }

  async function run(): Promise<void> {
    while (!stopping) {
      let tried = 0;
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
      if (tried === 0 && !stopping) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref();
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
