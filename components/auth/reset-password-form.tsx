"use client";

import { resetPasswordAction } from "@/lib/users/actions";
import { PASSWORD_MIN } from "@/lib/users/bounds";
import { Field } from "@/components/forms/field";
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
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a good one.`}
        registration={form.register("password")}
        error={errorFor("password")}
      />
      <Field
        label="Repeat password"
        type="password"
        autoComplete="new-password"
        required
        registration={form.register("repeatPassword")}
        error={errorFor("repeatPassword")}
      />
      <SubmitButton pending={pending}>Reset password</SubmitButton>
    </form>
  );
}
