"use client";

import { changePasswordAction } from "@/lib/users/actions";
import { PASSWORD_MIN } from "@/lib/users/bounds";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const loadChangePasswordSchema = () => import("@/lib/users/schema").then((m) => m.changePasswordSchema);
export function ChangePasswordForm({ username }: { username: string }) {
  const { form, state, pending, errorFor, formProps } = useActionForm({
    schema: loadChangePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", newPassword: "", repeatNewPassword: "" },
  });
  const { register } = form;
  return (
    <form {...formProps} className="form" aria-labelledby="password-heading">
      <FormMessage state={state} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        registration={register("currentPassword")}
        error={errorFor("currentPassword")}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. Your other sessions will be logged out.`}
        registration={register("newPassword")}
        error={errorFor("newPassword")}
      />
      <Field
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        registration={register("repeatNewPassword")}
        error={errorFor("repeatNewPassword")}
      />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
