import type { UseFormRegisterReturn } from "react-hook-form";
import { EMAIL_MAX, PASSWORD_MIN } from "@/lib/users/bounds";
import { Field } from "./field";

// The email and password fields of the account forms (log in, register,
// forgot and reset password, the settings, turning two-factor off, deleting
// the account): one definition each of their type, autocomplete, bounds and
// hints, so that every form says and checks the same. Each is a `Field`:
// its label, hint and error tied together for assistive tech.

type Common = {
  registration: UseFormRegisterReturn;
  error?: string;
  /** for a page with two forms that share a field name (default `field-{name}`) */
  id?: string;
};

/** An email address: `autoComplete="username"` where it names the account being logged into. */
export function EmailField({
  label = "Email",
  autoComplete = "email",
  hint,
  defaultValue,
  ...common
}: Common & {
  label?: string;
  autoComplete?: "email" | "username";
  hint?: string;
  defaultValue?: string;
}) {
  return (
    <Field
      label={label}
      type="email"
      autoComplete={autoComplete}
      inputMode="email"
      required
      maxLength={EMAIL_MAX}
      hint={hint}
      defaultValue={defaultValue}
      {...common}
    />
  );
}

/**
 * The account's current password. `autoComplete={false}` leaves out the
 * hint: /settings offers password managers one current-password field per
 * form that changes the password or the account.
 */
export function PasswordField({
  label = "Password",
  autoComplete = true,
  ...common
}: Common & { label?: string; autoComplete?: boolean }) {
  return (
    <Field
      label={label}
      type="password"
      autoComplete={autoComplete ? "current-password" : undefined}
      required
      {...common}
    />
  );
}

/** A new password, at least PASSWORD_MIN characters; `advice` follows the rule in the hint. */
export function NewPasswordField({
  label = "New password",
  advice,
  ...common
}: Common & { label?: string; advice: string }) {
  return (
    <Field
      label={label}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN}
      hint={`At least ${PASSWORD_MIN} characters. ${advice}`}
      {...common}
    />
  );
}

/** The new password once more (checked against it by the form's schema). */
export function RepeatPasswordField({ label = "Repeat password", ...common }: Common & { label?: string }) {
  return <Field label={label} type="password" autoComplete="new-password" required {...common} />;
}
