import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/password-policy";
import { deleteOtherSessions } from "@/lib/auth/sessions";
import { hit, LIMITS } from "@/lib/rate-limit";
import type { FieldErrors } from "@/lib/http/api";

// Account changes that need the current password. Checks are rate limited per
// user, so a stolen session cannot be used to guess the password here.

export type AccountResult =
  { status: "ok" } | { status: "invalid"; errors: FieldErrors } | { status: "throttled"; retryAfter: number };

const WRONG_PASSWORD = "That is not your current password.";

async function checkPassword(userId: string, password: string, field: string): Promise<AccountResult | null> {
  const limited = await hit(`account:password:${userId}`, LIMITS.passwordCheckPerUser);
  if (!limited.ok) return { status: "throttled", retryAfter: limited.retryAfter };
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    return { status: "invalid", errors: { [field]: [WRONG_PASSWORD] } };
  }
  return null;
}

/** New password (same rules as registration); every other session ends. */
export async function changePassword(
  user: { id: string; username: string; email: string },
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string | null,
): Promise<AccountResult> {
  const refused = await checkPassword(user.id, input.currentPassword, "currentPassword");
  if (refused) return refused;
  if (isCommonPassword(input.newPassword, [user.username, user.email, user.email.split("@")[0] ?? ""])) {
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
    await tx.dinnerParty.updateMany({
      where: { hostId: { not: userId }, attendances: { some: { userId } } },
      data: { seatsTaken: { decrement: 1 } },
    });
    // Sessions, hosted parties and attendances go by ON DELETE CASCADE.
    await tx.user.delete({ where: { id: userId } });
  });
  return { status: "ok" };
}
