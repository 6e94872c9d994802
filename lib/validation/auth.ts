// Account form schemas, shared by react-hook-form in the browser and by the
// server actions and route handlers. Server-only rules (common passwords,
// uniqueness) are added on the server in lib/users/validation.ts.
import { z } from "./zod";

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 15;
/** Long enough for any passphrase; bounds the work done before hashing. */
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;

/** Length in Unicode code points, as NIST SP 800-63B counts characters. */
export function codePointLength(s: string): number {
  return Array.from(s).length;
}

export const usernameSchema = z
  .string({ error: "Enter a username." })
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN, `Username must be at least ${USERNAME_MIN} characters.`)
  .max(USERNAME_MAX, `Username must be at most ${USERNAME_MAX} characters.`)
  .regex(/^[a-z0-9_-]+$/, "Use only letters a–z, digits, _ and -.");

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX, "Email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .refine((p) => codePointLength(p) >= PASSWORD_MIN, {
    message: `Password must be at least ${PASSWORD_MIN} characters.`,
  })
  .refine((p) => codePointLength(p) <= PASSWORD_MAX, {
    message: `Password must be at most ${PASSWORD_MAX} characters.`,
  });

/** A hidden field people never see; bots that fill every input fill it too. */
export const honeypotSchema = z.string().max(0, "Please leave this field empty.").optional();

/** POST /api/users */
export const registerApiSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  website: honeypotSchema,
});

/** The /register form: the API's fields plus "Repeat password". */
export const registerFormSchema = registerApiSchema
  .extend({ repeatPassword: z.string({ error: "Repeat your password." }) })
  .refine((v) => v.password === v.repeatPassword, {
    path: ["repeatPassword"],
    message: "Passwords do not match.",
  });

/** Checkbox: a boolean from JSON or react-hook-form, "on" from a plain form post. */
const checkboxSchema = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** The /login form and POST /api/users/login. */
export const loginSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(EMAIL_MAX, "Email address is too long."),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX * 4, "Password is too long."),
  remember: checkboxSchema,
});

export type RegisterFormInput = z.input<typeof registerFormSchema>;
export type LoginInput = z.input<typeof loginSchema>;
