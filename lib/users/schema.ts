// Account form schemas — register, change password, delete account — shared by
// react-hook-form in the browser and by the server actions and route handlers.
// Server-only rules (common passwords, uniqueness) are added on the server in
// ./mutations.ts.
import * as z from "zod/mini";
import "@/lib/zod";
import { isWellFormed } from "@/lib/text";
import { emailTextSchema } from "@/lib/credentials/schema";
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from "./bounds";

/** Length in Unicode code points, as NIST SP 800-63B counts characters. */
export function codePointLength(s: string): number {
  return Array.from(s).length;
}

export const usernameSchema = z
  .string({ error: "Enter a username." })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(USERNAME_MIN, `Username must be at least ${USERNAME_MIN} characters.`),
    z.maxLength(USERNAME_MAX, `Username must be at most ${USERNAME_MAX} characters.`),
    z.regex(/^[a-z0-9_-]+$/, "Use only letters a–z, digits, _ and -."),
  );

export const emailSchema = z.pipe(emailTextSchema, z.email("Enter a valid email address."));

export const newPasswordSchema = z.string({ error: "Enter a password." }).check(
  // A lone surrogate cannot be typed again at login: it is not text.
  z.refine(isWellFormed, { message: "Password contains a character that is not valid text.", abort: true }),
  z.refine((p) => codePointLength(p) >= PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`),
  z.refine((p) => codePointLength(p) <= PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
);

/** A hidden field people never see; bots that fill every input fill it too. */
export const honeypotSchema = z.optional(z.string().check(z.maxLength(0, "Please leave this field empty.")));

/** POST /api/users */
export const registerApiSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  website: honeypotSchema,
});

/** The /register form: the API's fields plus "Repeat password". */
export const registerFormSchema = z
  .extend(registerApiSchema, { repeatPassword: z.string({ error: "Repeat your password." }) })
  .check(
    z.refine((v) => v.password === v.repeatPassword, {
      path: ["repeatPassword"],
      message: "Passwords do not match.",
      when: (payload) => typeof (payload.value as { repeatPassword?: unknown })?.repeatPassword === "string",
    }),
  );

// ---------------------------------------------------------------- settings

const currentPassword = z
  .string({ error: "Enter your current password." })
  .check(z.minLength(1, "Enter your current password."), z.maxLength(PASSWORD_MAX * 4, "Password is too long."));

const both = (payload: { value: unknown }) => {
  const v = payload.value as { newPassword?: unknown; repeatNewPassword?: unknown } | undefined;
  return typeof v?.newPassword === "string" && typeof v?.repeatNewPassword === "string";
};

export const changePasswordSchema = z
  .object({
    currentPassword,
    newPassword: newPasswordSchema,
    repeatNewPassword: z.string({ error: "Repeat your new password." }),
  })
  .check(
    z.refine((v) => v.newPassword === v.repeatNewPassword, {
      path: ["repeatNewPassword"],
      message: "Passwords do not match.",
      when: both,
    }),
    z.refine((v) => v.newPassword !== v.currentPassword, {
      path: ["newPassword"],
      message: "Choose a password different from your current one.",
    }),
  );

export const deleteAccountSchema = z.object({
  password: z
    .string({ error: "Enter your password." })
    .check(z.minLength(1, "Enter your password."), z.maxLength(PASSWORD_MAX * 4)),
});

/** /forgot-password and POST /api/users/password-reset */
export const forgotPasswordSchema = z.object({ email: emailSchema });

/** /reset-password/{token}: the new password twice. */
export const resetPasswordFormSchema = z
  .object({
    password: newPasswordSchema,
    repeatPassword: z.string({ error: "Repeat your new password." }),
  })
  .check(
    z.refine((v) => v.password === v.repeatPassword, {
      path: ["repeatPassword"],
      message: "Passwords do not match.",
      // Checked whenever both are text, even when the password itself is refused.
      when: (payload) => {
        const v = payload.value as { password?: unknown; repeatPassword?: unknown } | undefined;
        return typeof v?.password === "string" && typeof v?.repeatPassword === "string";
      },
    }),
  );

/** POST /api/users/password-reset/{token} */
export const resetPasswordApiSchema = z.object({ password: newPasswordSchema });

/** /settings "Change email": the new address, confirmed by the account's password. */
// Its own field name: /settings has other password fields, and ids must be unique.
export const changeEmailSchema = z.object({ newEmail: emailSchema, emailPassword: currentPassword });
