// What a server action hands back to its form, and the shape of a form
// action (the browser and the server share both).

/** Messages per field name; "_" for the whole input. */
export type FieldErrors = Record<string, string[]>;

export type FormState = {
  status: "idle" | "error" | "success";
  /** a message about the whole form */
  message?: string;
  errors?: FieldErrors;
  /** the values as typed, to refill the form (never passwords) */
  fields?: Record<string, string>;
  /** values shown once and never again, such as new recovery codes (never stored for the form) */
  secrets?: string[];
};

export const initialFormState: FormState = { status: "idle" };

/** A server action behind a form with useActionState (lib/safe-action.ts makes them). */
export type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
