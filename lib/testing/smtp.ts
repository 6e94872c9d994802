// A real SMTP server on loopback for the tests (smtp-server), with every mail
// that arrives parsed by mailparser: the unit tests and the e2e runs send to
// it through SMTP_URL exactly as to a real one. Test-only: nothing in the app
// imports it.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  url: string;
  port: number;
  /** every mail received so far, in order */
  mails: ParsedMail[];
  /** resolves once `n` mails have arrived (or rejects after `ms`) */
  waitFor(n: number, ms?: number): Promise<ParsedMail[]>;
  /** refuse every mail from now on (a server that is up but failing), or accept again */
  refuse(on: boolean): void;
  stop(): Promise<void>;
  /** listen again on the same port after stop() */
  restart(): Promise<void>;
};

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  let refusing = false;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            if (refusing) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 450 }));
            mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
  let server = make();
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(p, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const actual = await listen(port);
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    async waitFor(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (mails.length < n) {
        if (Date.now() > until) throw new Error(`only ${mails.length} of ${n} mails arrived in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return mails.slice(0, n);
    },
    refuse(on) {
      refusing = on;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = make();
      await listen(actual);
    },
  };
}
