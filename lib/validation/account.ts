// Account settings forms (shared by react-hook-form and the server actions).
import { z } from "./zod";
import { newPasswordSchema, PASSWORD_MAX } from "./auth";

const currentPassword = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX * 4, "Password is too long.");

export const changePasswordSchema = z
  .object({
    currentPassword,
    newPassword: newPasswordSchema,
    repeatNewPassword: z.string({ error: "Repeat your new password." }),
  })
  .refine((v) => v.newPassword === v.repeatNewPassword, {
    path: ["repeatNewPassword"],
    message: "Passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });

export const deleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX * 4),
});
