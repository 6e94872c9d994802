import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword, passwordContext } from "@/lib/auth/password-policy";
import { deleteOtherSessions } from "@/lib/auth/mutations";
import type { SessionUser } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { newTokenSecret } from "@/lib/invitations/tokens";
import type { FieldErrors } from "@/lib/form-state";
import { leaveEveryParty } from "@/lib/parties/mutations";
import { clientSubject, hit, RATE_LIMITS } from "@/lib/rate-limit/mutations";
import { passwordHashOf, takenFields } from "./data";
import { WRONG_PASSWORD } from "./messages";

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
    const user = await db.user.create({
      data: { username: input.username, email: input.email, passwordHash, calendarSecret: newTokenSecret() },
      select: { id: true, username: true, email: true },
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
    // Sessions, hosted parties and answers go by ON DELETE CASCADE.
    await tx.user.delete({ where: { id: userId } });
  });
  return { status: "ok" };
}
