"use client";

import { USERNAME_MAX, USERNAME_MIN } from "@/lib/users/bounds";
import { registerAction } from "@/lib/users/actions";
import { EmailField, NewPasswordField, RepeatPasswordField } from "@/components/forms/account-fields";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const loadRegisterFormSchema = () => import("@/lib/users/schema").then((m) => m.registerFormSchema);
export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: loadRegisterFormSchema,
    action: registerAction,
    defaultValues: { username: "", email: "", password: "", repeatPassword: "", website: "" },
  });
  const { register } = form;

  return (
    <form {...formProps} className="form">
      <FormMessage state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        minLength={USERNAME_MIN}
        maxLength={USERNAME_MAX}
        hint={`${USERNAME_MIN} to ${USERNAME_MAX} characters: lower-case letters, digits, _ and -.`}
        defaultValue={initial.username}
        registration={register("username")}
        error={errorFor("username")}
      />
      <EmailField defaultValue={initial.email} registration={register("email")} error={errorFor("email")} />
      <NewPasswordField
        label="Password"
        advice="A few unrelated words make a strong, memorable password."
        registration={register("password")}
        error={errorFor("password")}
      />
      <RepeatPasswordField registration={register("repeatPassword")} error={errorFor("repeatPassword")} />
      {/* Honeypot: hidden from people and assistive tech; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">Leave this empty</label>
        <input id="field-website" type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
      </div>
      <SubmitButton pending={pending}>Register</SubmitButton>
    </form>
  );
}
