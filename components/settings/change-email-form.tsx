"use client";

import { changeEmailAction } from "@/lib/users/actions";
import { EmailField, PasswordField } from "@/components/forms/account-fields";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const loadSchema = () => import("@/lib/users/schema").then((m) => m.changeEmailSchema);

/** "Change email": the new address and the password; the change waits for the new address's confirmation. */
export function ChangeEmailForm({ current }: { current: string }) {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: loadSchema,
    action: changeEmailAction,
    defaultValues: { newEmail: "", emailPassword: "" },
  });
  return (
    <form {...formProps} className="form" aria-labelledby="email-heading">
      <FormMessage state={state} />
      <EmailField
        label="New email"
        hint={`Now ${current}. The new address takes effect once you open the link we send to it.`}
        defaultValue={initial.newEmail}
        registration={form.register("newEmail")}
        error={errorFor("newEmail")}
      />
      <PasswordField
        label="Password (to confirm it's you)"
        // No autocomplete hint: /settings offers password managers one
        // current-password field per form that changes the password or the account.
        autoComplete={false}
        registration={form.register("emailPassword")}
        error={errorFor("emailPassword")}
      />
      <SubmitButton pending={pending}>Change email</SubmitButton>
    </form>
  );
}
