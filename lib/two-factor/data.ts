import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/sessions/session-token";
import type { AccountEventKind } from "./messages";

/** Whether the account signs in with a second factor. */
export async function twoFactorEnabled(userId: string): Promise<boolean> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { twoFactorSecret: true } });
  return Boolean(u?.twoFactorSecret);
}

/** How many unused recovery codes the account has left. */
export async function recoveryCodesLeft(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** The pending second step a cookie's token names, while it lasts. */
export async function findLoginStep(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  return db.loginStep.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now } },
    select: { id: true, userId: true, remember: true },
  });
}

export type AccountEvent = { kind: AccountEventKind; at: Date };

/** The account's sign-in events, newest first (/settings, beside the sessions). */
export async function listAccountEvents(userId: string, limit = 20): Promise<AccountEvent[]> {
  const rows = await db.accountEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { kind: true, createdAt: true },
  });
  return rows.map((r) => ({ kind: r.kind as AccountEventKind, at: r.createdAt }));
}
