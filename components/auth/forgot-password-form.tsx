"use client";

import { forgotPasswordAction } from "@/lib/users/actions";
import { EmailField } from "@/components/forms/account-fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const loadSchema = () => import("@/lib/users/schema").then((m) => m.forgotPasswordSchema);

/** "Forgot your password?": one address, one button. */
export function ForgotPasswordForm() {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: loadSchema,
    action: forgotPasswordAction,
    defaultValues: { email: "" },
  });
  return (
    <form {...formProps} className="form">
      <FormMessage state={state} />
      <EmailField defaultValue={initial.email} registration={form.register("email")} error={errorFor("email")} />
      <SubmitButton pending={pending}>Send reset link</SubmitButton>
    </form>
  );
}
