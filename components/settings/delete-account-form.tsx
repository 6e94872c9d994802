"use client";

import { deleteAccountAction } from "@/lib/users/actions";
import { PasswordField } from "@/components/forms/account-fields";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";

const loadDeleteAccountSchema = () => import("@/lib/users/schema").then((m) => m.deleteAccountSchema);
export function DeleteAccountForm() {
  const { form, state, pending, errorFor, formProps } = useActionForm({
    schema: loadDeleteAccountSchema,
    action: deleteAccountAction,
    defaultValues: { password: "" },
  });
  return (
    <form {...formProps} className="form form-danger" aria-labelledby="delete-heading">
      <FormMessage state={state} />
      <p>
        This removes your account, the parties you host (and their guest lists) and your RSVPs. It cannot be undone.
      </p>
      <PasswordField
        label="Confirm with your password"
        registration={form.register("password")}
        error={errorFor("password")}
      />
      <button type="submit" className="button button-danger" disabled={pending} aria-busy={pending || undefined}>
        Delete account
      </button>
    </form>
  );
}
