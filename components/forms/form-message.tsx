import type { FormState } from "@/lib/form-state";

/** The form-wide message of a server answer; role="alert" announces it as it appears. */
export function FormMessage({ state }: { state: FormState }) {
  const message = state.message ?? state.errors?._?.[0];
  if (!message) return null;
  return (
    <p role="alert" className="notice notice-error">
      {message}
    </p>
  );
}
