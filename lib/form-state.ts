// The state a server action hands back to its form (client and server share it).
export type FormState = {
  status: "idle" | "error" | "success";
  /** a message about the whole form */
  message?: string;
  /** messages per field name; "_" for the whole form */
  errors?: Record<string, string[]>;
  /** the values as typed, to refill the form (never passwords) */
  fields?: Record<string, string>;
};

export const initialFormState: FormState = { status: "idle" };
