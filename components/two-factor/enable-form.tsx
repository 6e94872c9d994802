"use client";

import { CodeField } from "./code-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { enableTwoFactorAction, renewRecoveryCodesAction } from "@/lib/two-factor/actions";
import type { ReactNode } from "react";
import { RecoveryCodes } from "./recovery-codes";

const loadCodeSchema = () => import("@/lib/two-factor/schema").then((m) => m.codeFormSchema);

/** "Code" + a button; once the action succeeds, the recovery codes it made instead of the form. */
function CodeForm({
  action,
  button,
  heading,
  before,
  instead,
}: {
  action: typeof enableTwoFactorAction;
  button: string;
  heading: string;
  /** shown above the form while it is shown */
  before?: ReactNode;
  /** shown instead of the form (and before) until the action has succeeded */
  instead?: ReactNode;
}) {
  const { form, state, pending, errorFor, formProps } = useActionForm({
    schema: loadCodeSchema,
    action,
    defaultValues: { code: "" },
  });
  if (state.status === "success" && state.secrets) {
    return (
      <>
        <p role="status" className="notice notice-success">
          {state.message}
        </p>
        <RecoveryCodes codes={state.secrets} />
      </>
    );
  }
  if (instead) return <>{instead}</>;
  return (
    <>
      {before}
      <form {...formProps} className="form" aria-labelledby={heading}>
        <FormMessage state={state} />
        <CodeField
          hint="The six digits your authenticator app shows for DinnerParty."
          registration={form.register("code")}
          error={errorFor("code")}
        />
        <SubmitButton pending={pending}>{button}</SubmitButton>
      </form>
    </>
  );
}

/**
 * /settings/two-factor: the set-up (`before`: the QR code and key) with
 * "Code" + "Turn on". Always at the same place in the page, so that the
 * recovery codes the action answers stay on screen when the page is drawn
 * again with two-factor now on — with or without JavaScript; until then, an
 * account that has it on sees `instead` (new recovery codes), and one with
 * no set-up started sees the start button.
 */
export function EnableTwoFactorForm({ before, instead }: { before?: ReactNode; instead?: ReactNode }) {
  return (
    <CodeForm
      action={enableTwoFactorAction}
      button="Turn on"
      heading="two-factor-confirm-heading"
      before={before}
      instead={instead}
    />
  );
}

/** /settings: "New recovery codes" (a current code replaces them all). */
export function RenewRecoveryCodesForm() {
  return <CodeForm action={renewRecoveryCodesAction} button="New recovery codes" heading="recovery-heading" />;
}
