import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/forms/field";

/** "Code": what an authenticator app shows, or a recovery code — letters allowed, no autocorrect. */
export function CodeField(props: { registration: UseFormRegisterReturn; error?: string; hint: string; id?: string }) {
  return (
    <Field
      label="Code"
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      required
      maxLength={40}
      {...props}
    />
  );
}
