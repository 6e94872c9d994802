import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { config } from "@/server/shared.mjs";

// Where mail goes. With SMTP_URL (smtp:// or smtps://, user and password in
// the URL; STARTTLS whenever the server offers it), to that server through
// nodemailer. Without it, each mail is written as an .eml file under
// var/mail/ (MAIL_DIR) and the server logs where: the quick start needs no
// mail server, and a person can open the file in a mail program.

/** A mail as the outbox hands it over. */
export type OutgoingMail = {
  /** the outbox row, sent as a header so a mail can be traced to its row */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export type MailTransport = {
  /** Hand one mail over; throws when the server refuses it or cannot be reached. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** The From header: MAIL_FROM, else the app's name at localhost. */
export function mailFrom(): string {
  return config().mailFrom;
}

function message(mail: OutgoingMail, from: string): nodemailer.SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { ...mail.headers, "X-DinnerParty-Mail": mail.id },
  };
}

/** An SMTP server from a URL. */
export function smtpTransport(url: string, from = mailFrom()): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    // Connections are kept for the next mails rather than opened for each.
    pool: true,
    maxConnections: 2,
    // Fail fast and retry from the outbox rather than hang a sender.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(mail) {
      await transporter.sendMail(message(mail, from));
    },
    close: () => transporter.close(),
  };
}

/** .eml files in `dir`, one per mail, named after the time and the row; a log line for each. */
export function fileTransport(
  dir: string,
  from = mailFrom(),
  log: (line: string) => void = (line) => console.log(line),
): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(mail) {
      const { message: raw } = (await transporter.sendMail(message(mail, from))) as unknown as { message: Buffer };
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`);
      await fs.writeFile(file, raw);
      log(`mail to ${mail.to} ("${mail.subject}") written to ${path.relative(process.cwd(), file) || file}`);
    },
    close: () => transporter.close(),
  };
}

/** The transport the environment asks for: SMTP_URL, else .eml files in MAIL_DIR (var/mail). */
export function configuredTransport({ smtpUrl, mailDir, mailFrom: from } = config()): MailTransport {
  if (smtpUrl) return smtpTransport(smtpUrl, from);
  return fileTransport(mailDir ?? path.join(process.cwd(), "var", "mail"), from);
}
