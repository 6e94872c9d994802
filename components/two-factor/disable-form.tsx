"use client";

import { PasswordField } from "@/components/forms/account-fields";
import { CodeField } from "./code-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { disableTwoFactorAction } from "@/lib/two-factor/actions";

const loadSchema = () => import("@/lib/two-factor/schema").then((m) => m.disableTwoFactorSchema);

/** "Turn off": the password and a code (from the app or a recovery code). */
export function DisableTwoFactorForm() {
  const { form, state, pending, errorFor, formProps } = useActionForm({
    schema: loadSchema,
    action: disableTwoFactorAction,
    defaultValues: { password: "", code: "" },
  });
  return (
    <form {...formProps} className="form" aria-labelledby="two-factor-off-heading">
      <FormMessage state={state} />
      <PasswordField
        id="two-factor-off-password"
        registration={form.register("password")}
        error={errorFor("password")}
      />
      <CodeField
        id="two-factor-off-code"
        hint="From your authenticator app, or a recovery code."
        registration={form.register("code")}
        error={errorFor("code")}
      />
      <SubmitButton pending={pending}>Turn off</SubmitButton>
    </form>
  );
}
