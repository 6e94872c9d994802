// Account settings forms (shared by react-hook-form and the server actions).
import { newPasswordSchema, PASSWORD_MAX } from "./auth";
import * as z from "zod/mini";
import "./zod";

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
