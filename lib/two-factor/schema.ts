// Two-factor schemas: the /settings forms, the second step of /login and
// the `code` of POST /api/users/login share the rule of a code.
import * as z from "zod/mini";
import "@/lib/zod";
import { PASSWORD_MAX } from "@/lib/credentials/bounds";

/** "Code": six digits from the app or a recovery code; spaces and dashes as typed. */
export const codeSchema = z
  .string({ error: "Enter the code." })
  .check(
    z.trim(),
    z.minLength(1, "Enter the code."),
    z.maxLength(40, "Enter the six digits from your app, or a recovery code."),
  );

/** "Turn off": the password and a code. */
export const disableTwoFactorSchema = z.object({
  password: z
    .string({ error: "Enter your password." })
    .check(z.minLength(1, "Enter your password."), z.maxLength(PASSWORD_MAX * 4, "Password is too long.")),
  code: codeSchema,
});

/** "Turn on", "New recovery codes", and "Verify" of the second login step: a code. */
export const codeFormSchema = z.object({ code: codeSchema });
