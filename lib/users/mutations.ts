import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashPassword } from "@/lib/auth/password";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/password-policy";
import { hit, LIMITS } from "@/lib/rate-limit";
import type { SessionUser } from "@/lib/auth/sessions";
import type { FieldErrors } from "@/lib/http/api";

export const USER_TAKEN_MESSAGE = "User already registered.";

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
  if (isCommonPassword(input.password, [input.username, input.email, input.email.split("@")[0] ?? ""])) {
    return { status: "invalid", errors: { password: [COMMON_PASSWORD_MESSAGE] } };
  }
  const limited = await hit(`register:ip:${ip}`, LIMITS.registerPerIp);
  if (!limited.ok) return { status: "throttled", retryAfter: limited.retryAfter };

  const taken = await takenFields(input.username, input.email);
  if (taken) return { status: "taken", errors: taken };

  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { username: input.username, email: input.email, passwordHash },
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

async function takenFields(username: string, email: string): Promise<FieldErrors | null> {
  const existing = await db.user.findMany({
    where: { OR: [{ username }, { email }] },
    select: { username: true, email: true },
    take: 2,
  });
  if (existing.length === 0) return null;
  const errors: FieldErrors = {};
  if (existing.some((u) => u.username === username)) errors.username = ["This username is already taken."];
  if (existing.some((u) => u.email === email)) errors.email = ["An account with this email already exists."];
  return errors;
}
