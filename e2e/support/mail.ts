import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

// The mails the app sent during this run, as the SMTP server the test runner
// started received them (scripts/lib/mail-catcher.mjs writes each one to
// E2E_MAIL_DIR).

const DIR = process.env.E2E_MAIL_DIR ?? path.join(process.cwd(), "test-results", "mail");

// Parsed once per file: a run sends thousands of mails, and tests poll.
const parsed = new Map<string, Promise<ParsedMail>>();

/** The mails received so far, oldest first — only those whose file name (the catcher's) names `to`, if given. */
async function all(to?: string): Promise<ParsedMail[]> {
  const files = fs.existsSync(DIR)
    ? fs
        .readdirSync(DIR)
        .filter((f) => f.endsWith(".eml") && (!to || f.includes(`-${to.toLowerCase()}`)))
        .sort()
    : [];
  return Promise.all(
    files.map((f) => {
      let mail = parsed.get(f);
      if (!mail) parsed.set(f, (mail = simpleParser(fs.readFileSync(path.join(DIR, f)))));
      return mail;
    }),
  );
}

const addressOf = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));

/** The mails to `to` so far, oldest first. */
export async function mailsTo(to: string): Promise<ParsedMail[]> {
  return (await all(to)).filter((m) => addressOf(m).includes(to.toLowerCase()));
}

/** Wait for the `n`-th mail to `to` (matching `subject` if given) and return it. */
export async function waitForMail(
  to: string,
  { subject, n = 1, timeout = 20_000 }: { subject?: RegExp; n?: number; timeout?: number } = {},
) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await mailsTo(to)).filter((m) => !subject || subject.test(m.subject ?? ""));
    if (found.length >= n) return found[n - 1]!;
    if (Date.now() > until)
      throw new Error(`no mail ${n} to ${to}${subject ? ` matching ${subject}` : ""} in ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first link in a mail's text to a path starting with `prefix`, as a path. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const url = new RegExp(`https?://[^\\s/]+(${prefix.replace(/[/]/g, "\\/")}[^\\s]*)`).exec(mail.text ?? "")?.[1];
  if (!url) throw new Error(`no ${prefix} link in:\n${mail.text}`);
  return url;
}

/** A header of a mail as it was sent (mailparser folds List-* headers into one object; this reads the line). */
export function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

/** The envelope recipient of every mail received so far, one entry per mail (a mail sent twice shows twice). */
export function allRecipients(): string[] {
  if (!fs.existsSync(DIR)) return [];
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => f.slice(0, -".eml".length).split("-").slice(2).join("-"));
}
