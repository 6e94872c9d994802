import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  /** for a page with two forms that share a field name (default `field-{name}`) */
  id?: string;
};

/** A labelled input whose hint and error are tied to it for assistive tech. */
export function Field({ label, registration, error, hint, id: ownId, ...input }: FieldProps) {
  const id = ownId ?? `field-${registration.name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field" data-invalid={error ? "" : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        {...input}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxField({
  label,
  registration,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type"> & {
  label: string;
  registration: UseFormRegisterReturn;
}) {
  const id = `field-${registration.name}`;
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" {...input} {...registration} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
