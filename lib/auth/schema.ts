// The login form and POST /api/users/login, shared by react-hook-form in the
// browser, the server action, the API route and Auth.js's credentials provider.
import * as z from "zod/mini";
import "@/lib/zod";
import { PASSWORD_MAX } from "@/lib/credentials/bounds";
import { emailTextSchema } from "@/lib/credentials/schema";
import { codeSchema } from "@/lib/two-factor/schema";

/** Checkbox: a boolean from JSON or react-hook-form, "on" from a plain form post. */
const checkboxSchema = z.pipe(
  z.optional(z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])),
  z.transform((v) => v === true || v === "on" || v === "true"),
);

/** The /login form and POST /api/users/login. */
export const loginSchema = z.object({
  // Any text: a malformed address simply matches no account.
  email: emailTextSchema,
  password: z
    .string({ error: "Enter your password." })
    .check(z.minLength(1, "Enter your password."), z.maxLength(PASSWORD_MAX * 4, "Password is too long.")),
  remember: checkboxSchema,
});

/** POST /api/users/login: the form's fields, and `code` for an account with two-factor on. */
export const loginApiSchema = z.extend(loginSchema, { code: z.optional(codeSchema) });
