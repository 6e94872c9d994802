"use client";

import { useEffect } from "react";
import { loginAction } from "@/lib/auth/actions";
import { EmailField, PasswordField } from "@/components/forms/account-fields";
import { CheckboxField } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const loadLoginSchema = () => import("@/lib/auth/schema").then((m) => m.loginSchema);
export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: loadLoginSchema,
    action: loginAction,
    defaultValues: { email: "", password: "", remember: false as boolean },
  });
  const { register, resetField } = form;

  // A refused password is never shown again.
  useEffect(() => {
    if (state.status === "error") resetField("password", { defaultValue: "" });
  }, [state, resetField]);

  return (
    <form {...formProps} className="form">
      <FormMessage state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <EmailField
        autoComplete="username"
        defaultValue={initial.email}
        registration={register("email")}
        error={errorFor("email")}
      />
      <PasswordField registration={register("password")} error={errorFor("password")} />
      <CheckboxField
        label="Remember me"
        defaultChecked={initial.remember === true || String(initial.remember) === "on"}
        registration={register("remember")}
      />
      <SubmitButton pending={pending}>Log in</SubmitButton>
    </form>
  );
}
