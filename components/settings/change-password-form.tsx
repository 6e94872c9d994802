"use client";

import { changePasswordAction } from "@/lib/users/actions";
import { NewPasswordField, PasswordField, RepeatPasswordField } from "@/components/forms/account-fields";
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
      <PasswordField
        label="Current password"
        registration={register("currentPassword")}
        error={errorFor("currentPassword")}
      />
      <NewPasswordField
        advice="Your other sessions will be logged out."
        registration={register("newPassword")}
        error={errorFor("newPassword")}
      />
      <RepeatPasswordField
        label="Repeat new password"
        registration={register("repeatNewPassword")}
        error={errorFor("repeatNewPassword")}
      />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
