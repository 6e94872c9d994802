import "server-only";
import { hashPassword, verifyPassword } from "@/lib/credentials/password";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword, passwordContext } from "@/lib/credentials/password-policy";
import { deleteOtherSessions } from "@/lib/sessions/mutations";
import { hashToken, newSessionToken, type SessionUser } from "@/lib/sessions/session-token";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { newTokenSecret } from "@/lib/tokens";
import type { FieldErrors } from "@/lib/form-state";
import { mailOrigin } from "@/lib/http/request";
import { enqueueMail } from "@/lib/mail/mutations";
import { confirmEmailMail, emailChangeNoticeMail, passwordResetMail } from "@/lib/mail/templates";
import { cancelHostedParties, leaveEveryParty } from "@/lib/parties/mutations";
import { clientSubject, hit, RATE_LIMITS } from "@/lib/rate-limit/mutations";
import { passwordHashOf, takenFields } from "./data";
import { WRONG_PASSWORD } from "@/lib/credentials/messages";
import { EMAIL_TAKEN, SAME_EMAIL } from "./messages";

// Account writes. Registration adds the rules that need the server; changes
// to an existing account need its current password, and those checks are
// rate limited per user, so a stolen session cannot be used to guess it.

export type RegisterResult =
  | { status: "created"; user: SessionUser }
  | { status: "invalid"; errors: FieldErrors }
  | { status: "taken"; errors: FieldErrors }
  | { status: "throttled"; retryAfter: number };

/**
 * Create an account from already-validated fields. Adds the rules that need
 * the server: common passwords, uniqueness, and 20 sign-ups an hour per IP.
 */
export async function registerUser(
  input: { username: string; email: string; password: string },
  ip: string,
): Promise<RegisterResult> {
  if (isCommonPassword(input.password, passwordContext(input))) {
    return { status: "invalid", errors: { password: [COMMON_PASSWORD_MESSAGE] } };
  }
  const limited = await hit(`register:ip:${clientSubject(ip)}`, RATE_LIMITS.registerPerIp);
  if (!limited.ok) return { status: "throttled", retryAfter: limited.retryAfter };

  const taken = await takenFields(input.username, input.email);
  if (taken) return { status: "taken", errors: taken };

  const passwordHash = await hashPassword(input.password);
  try {
    // The account and its "Confirm your email" mail: one transaction.
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { username: input.username, email: input.email, passwordHash, calendarSecret: newTokenSecret() },
        select: { id: true, username: true, email: true },
      });
      await queueConfirmation(tx, created.id, created.email, false);
      return created;
    });
    return { status: "created", user };
  } catch (error) {
    // Someone took the name or address between the check and the insert.
    if (isUniqueViolation(error)) {
      return { status: "taken", errors: (await takenFields(input.username, input.email)) ?? {} };
    }
    throw error;
  }
}

export type AccountResult =
  { status: "ok" } | { status: "invalid"; errors: FieldErrors } | { status: "throttled"; retryAfter: number };

async function checkPassword(userId: string, password: string, field: string): Promise<AccountResult | null> {
  const limited = await hit(`account:password:${userId}`, RATE_LIMITS.passwordCheckPerUser);
  if (!limited.ok) return { status: "throttled", retryAfter: limited.retryAfter };
  const hash = await passwordHashOf(userId);
  if (!hash || !(await verifyPassword(password, hash))) {
    return { status: "invalid", errors: { [field]: [WRONG_PASSWORD] } };
  }
  return null;
}

/** New password (same rules as registration); every other session ends. */
export async function changePassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string | null,
): Promise<AccountResult> {
  const refused = await checkPassword(user.id, input.currentPassword, "currentPassword");
  if (refused) return refused;
  if (isCommonPassword(input.newPassword, passwordContext(user))) {
    return { status: "invalid", errors: { newPassword: [COMMON_PASSWORD_MESSAGE] } };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash } });
  await deleteOtherSessions(user.id, keepSessionToken);
  return { status: "ok" };
}

/**
 * Remove the account, the parties it hosts (with their RSVPs), its RSVPs to
 * other parties (freeing those seats) and its sessions, in one transaction.
 */
export async function deleteAccount(userId: string, password: string): Promise<AccountResult> {
  const refused = await checkPassword(userId, password, "password");
  if (refused) return refused;
  await db.$transaction(async (tx) => {
    // Its seats at other tables go to their waitlists; the parties domain owns that write.
    await leaveEveryParty(tx, userId);
    // The guests of its upcoming parties are told, in this transaction, before the parties go.
    await cancelHostedParties(tx, userId);
    // Sessions, hosted parties and answers go by ON DELETE CASCADE.
    await tx.user.delete({ where: { id: userId } });
  });
  return { status: "ok" };
}

// ------------------------------------------------------------ password reset

/** How long a reset link works. */
export const RESET_LINK_MS = 30 * 60_000;

export type ResetRequest = { status: "queued" } | { status: "throttled"; retryAfter: number };

/**
 * The least time a reset request takes, whoever asks. The two inserts for a
 * known address cost a few milliseconds, enough to tell accounts apart by the
 * answer's time on a quiet server; both answers wait out the same floor
 * (a "timebox", decision 025), well above what either takes.
 */
export const RESET_REQUEST_FLOOR_MS = 100;

/**
 * "Forgot your password?": a new single-use link mailed to the account, if
 * there is one. The caller answers the same words either way; the work is
 * the same too (the throttles, a token, one transaction that reads the
 * account), only the two inserts are skipped for an unknown address, and the
 * answer waits until RESET_REQUEST_FLOOR_MS have passed.
 */
export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<ResetRequest> {
  const started = performance.now();
  const address = email.toLowerCase();
  const [perIp, perAddress] = await Promise.all([
    hit(`reset:ip:${clientSubject(ip)}`, RATE_LIMITS.resetPerIp),
    hit(`reset:email:${address}`, RATE_LIMITS.resetPerEmail),
  ]);
  // One client asking too often is told so.
  if (!perIp.ok) return { status: "throttled", retryAfter: perIp.retryAfter };
  const token = newSessionToken();
  // An address asked for too often gets no more mail, but the answer is the
  // usual one: a stranger filling in someone's address must not turn the
  // owner's own request into a refusal. The links mailed already still work.
  if (perAddress.ok) {
    await mailResetLink(address, token, now);
  }
  const left = started + RESET_REQUEST_FLOOR_MS - performance.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return { status: "queued" };
}

/** A reset link for the account of `address`, if there is one, in the outbox. */
async function mailResetLink(address: string, token: string, now: Date) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: address }, select: { id: true, email: true } });
    if (!user) return;
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_LINK_MS) },
      select: { id: true },
    });
    await enqueueMail(tx, passwordResetMail(user.email, `${mailOrigin()}/reset-password/${token}`), now);
  });
}

export type ResetResult = { status: "ok" } | { status: "invalid_link" } | { status: "invalid"; errors: FieldErrors };

/**
 * Use a reset link: the new password (registration's rules), the link spent
 * — one conditional write, so two requests with it cannot both succeed —
 * every other link of the account dead, every session ended.
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<ResetResult> {
  if (token.length > 100) return { status: "invalid_link" };
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { username: true, email: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= now) return { status: "invalid_link" };
  if (isCommonPassword(password, passwordContext(row.user))) {
    return { status: "invalid", errors: { password: [COMMON_PASSWORD_MESSAGE] } };
  }
  const passwordHash = await hashPassword(password);
  const spent = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return false;
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { id: true } });
    await tx.passwordResetToken.deleteMany({ where: { userId: row.userId, id: { not: row.id } } });
    return true;
  });
  if (!spent) return { status: "invalid_link" };
  await deleteOtherSessions(row.userId, null);
  return { status: "ok" };
}

// ------------------------------------------------------------ email confirmation

/** How long a confirmation link works. */
export const CONFIRM_LINK_MS = 24 * 3_600_000;

/** A new "Confirm your email" link for `address`, mailed there, in the caller's transaction. */
async function queueConfirmation(tx: Tx, userId: string, address: string, change: boolean, now = new Date()) {
  const token = newSessionToken();
  await tx.emailConfirmation.create({
    data: { userId, email: address, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + CONFIRM_LINK_MS) },
    select: { id: true },
  });
  await enqueueMail(tx, confirmEmailMail(address, `${mailOrigin()}/verify-email/${token}`, change), now);
}

export type ResendResult = { status: "sent" } | { status: "already" } | { status: "throttled"; retryAfter: number };

/** "Send the link again": a fresh link to the account's address, unless it is confirmed already. */
export async function resendConfirmation(userId: string, now = new Date()): Promise<ResendResult> {
  const limited = await hit(`confirm:user:${userId}`, RATE_LIMITS.confirmResendPerUser);
  if (!limited.ok) return { status: "throttled", retryAfter: limited.retryAfter };
  return db.$transaction(async (tx): Promise<ResendResult> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
    if (!user || user.emailVerified) return { status: "already" };
    await queueConfirmation(tx, userId, user.email, false, now);
    return { status: "sent" };
  });
}

export type ConfirmResult = { status: "ok" } | { status: "invalid_link" };

/**
 * A confirmation link used: the address it names is confirmed — for a new
 * account its own, for "Change email" the new one, which becomes the
 * account's address now (unless someone took it meanwhile). Single use.
 *
 * A change of address also ends what the old address could still do: the
 * reset links mailed to it die, and every session of the account ends but
 * `keepSessionToken`'s (the browser that confirms, when it is the account's)
 * — whoever holds the old mailbox, or a session opened with it, loses the
 * account with it.
 */
export async function confirmEmail(
  token: string,
  now = new Date(),
  keepSessionToken: string | null = null,
): Promise<ConfirmResult> {
  if (token.length > 100) return { status: "invalid_link" };
  try {
    return await db.$transaction(async (tx): Promise<ConfirmResult> => {
      const row = await tx.emailConfirmation.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, userId: true, email: true, user: { select: { email: true } } },
      });
      if (!row) return { status: "invalid_link" };
      const { count } = await tx.emailConfirmation.updateMany({
        where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return { status: "invalid_link" };
      await tx.user.update({ where: { id: row.userId }, data: { email: row.email, emailVerified: now } });
      // Older links (an earlier address among them) must not take the account back.
      await tx.emailConfirmation.deleteMany({ where: { userId: row.userId, id: { not: row.id } } });
      if (row.email !== row.user.email) {
        await tx.passwordResetToken.deleteMany({ where: { userId: row.userId } });
        await tx.session.deleteMany({
          where: {
            userId: row.userId,
            ...(keepSessionToken ? { sessionToken: { not: hashToken(keepSessionToken) } } : {}),
          },
        });
      }
      return { status: "ok" };
    });
  } catch (error) {
    // The new address became someone else's between the request and the click.
    if (isUniqueViolation(error)) return { status: "invalid_link" };
    throw error;
  }
}

/**
 * "Change email": needs the password; the new address is confirmed before it
 * takes effect (confirmEmail), and the old one is told.
 */
export async function changeEmail(
  user: SessionUser,
  input: { newEmail: string; emailPassword: string },
  now = new Date(),
): Promise<AccountResult> {
  const refused = await checkPassword(user.id, input.emailPassword, "emailPassword");
  if (refused) return refused;
  const address = input.newEmail.toLowerCase();
  if (address === user.email) return { status: "invalid", errors: { newEmail: [SAME_EMAIL] } };
  if (await db.user.findUnique({ where: { email: address }, select: { id: true } }))
    return { status: "invalid", errors: { newEmail: [EMAIL_TAKEN] } };
  await db.$transaction(async (tx) => {
    await queueConfirmation(tx, user.id, address, true, now);
    await enqueueMail(tx, emailChangeNoticeMail(user.email, address), now);
  });
  return { status: "ok" };
}
