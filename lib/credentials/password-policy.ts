import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// Passwords people must not choose (NIST SP 800-63B-4 §3.1.1.2): the list of
// common and breached passwords that zxcvbn-ts ships (about 49,000, most
// frequent first — a superset of the 10,000 most common), repeated patterns
// and straight runs of the keyboard or the alphabet. No composition rules.

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** "abcabcabc", "passwordpassword", "aaaaaaaaaaaaaaa" */
function isRepetition(p: string): boolean {
  return /^(.{1,8}?)\1+$/su.test(p);
}

const RUNS = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm", "1234567890"];

/** "abcdefghijklmnop", "1234567890123456", "qwertyuiopasdfgh" — or backwards. */
function isRun(p: string): boolean {
  if (p.length < 4) return false;
  return RUNS.some((run) => {
    const cycle = run.repeat(Math.ceil(p.length / run.length) + 1);
    const reversed = [...cycle].reverse().join("");
    return cycle.includes(p) || reversed.includes(p);
  });
}

export const COMMON_PASSWORD_MESSAGE = "This password is too common or too easy to guess. Try a few unrelated words.";

/** True when the password must be refused, whatever its length. */
export function isCommonPassword(password: string, context: string[] = []): boolean {
  const p = password.normalize("NFKC").toLowerCase();
  if (commonPasswords().has(p) || isRepetition(p) || isRun(p)) return true;
  // The username or email as the password, possibly repeated.
  return context.some((word) => {
    const w = word.trim().toLowerCase();
    return w.length >= 3 && p.replaceAll(w, "") === "";
  });
}

/** The words of an account a password must not merely repeat: its username, email and the email's local part. */
export function passwordContext(account: { username: string; email: string }): string[] {
  return [account.username, account.email, account.email.split("@")[0] ?? ""];
}
