"use client";

import { resetPasswordAction } from "@/lib/users/actions";
import { NewPasswordField, RepeatPasswordField } from "@/components/forms/account-fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const loadSchema = () => import("@/lib/users/schema").then((m) => m.resetPasswordFormSchema);

/** /reset-password/{token}: the new password twice; the token rides along, hidden. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { form, state, pending, errorFor, formProps } = useActionForm({
    schema: loadSchema,
    action: resetPasswordAction,
    defaultValues: { password: "", repeatPassword: "" },
  });
  return (
    <form {...formProps} className="form">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordField
        advice="A few unrelated words make a good one."
        registration={form.register("password")}
        error={errorFor("password")}
      />
      <RepeatPasswordField registration={form.register("repeatPassword")} error={errorFor("repeatPassword")} />
      <SubmitButton pending={pending}>Reset password</SubmitButton>
    </form>
  );
}
