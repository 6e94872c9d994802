import "server-only";
import { hashToken } from "@/lib/sessions/session-token";
import { db } from "@/lib/db";
import type { FieldErrors } from "@/lib/form-state";
import { EMAIL_TAKEN, USERNAME_TAKEN } from "./messages";

export async function getProfile(username: string) {
  return db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { id: true, username: true, joinedAt: true },
  });
}

/** Which of a new account's username and email someone already has, as field errors; null when both are free. */
export async function takenFields(username: string, email: string): Promise<FieldErrors | null> {
  const existing = await db.user.findMany({
    where: { OR: [{ username }, { email }] },
    select: { username: true, email: true },
    take: 2,
  });
  if (existing.length === 0) return null;
  const errors: FieldErrors = {};
  if (existing.some((u) => u.username === username)) errors.username = [USERNAME_TAKEN];
  if (existing.some((u) => u.email === email)) errors.email = [EMAIL_TAKEN];
  return errors;
}

/** The password hash of an account, for the checks that need the current password. */
export async function passwordHashOf(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

/** Whether a reset link still works (the page shows the form or says it does not). */
export async function resetLinkWorks(token: string, now = new Date()): Promise<boolean> {
  if (token.length > 100) return false;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true },
  });
  return !!row && !row.usedAt && row.expiresAt > now;
}

/** The address a confirmation link would confirm, while the link still works (the page with "Confirm"). */
export async function confirmationFor(token: string, now = new Date()): Promise<{ email: string } | null> {
  if (token.length > 100) return null;
  const row = await db.emailConfirmation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, expiresAt: true, usedAt: true },
  });
  return row && !row.usedAt && row.expiresAt > now ? { email: row.email } : null;
}

/** Whether the account's email address is confirmed (the profile's banner). */
export async function emailConfirmed(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return !!user?.emailVerified;
}
