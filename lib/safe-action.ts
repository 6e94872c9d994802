import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/auth";
import type { SessionUser } from "@/lib/auth/sessions";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { fieldErrors } from "@/lib/http/api";
import type { FormState } from "@/lib/form-state";

// Every server action goes through here: parse the form with the same zod
// schema the browser used, get the user where one is needed, then run. On
// error the action answers typed field errors and the fields as typed
// (passwords excepted), so the form — with or without JavaScript — shows
// them again.

type Run<S extends z.ZodType> = (data: z.output<S>, formData: FormData) => Promise<FormState>;
type RunWithUser<S extends z.ZodType> = (
  data: z.output<S>,
  user: SessionUser,
  formData: FormData,
) => Promise<FormState>;

export type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** What the person typed, minus secrets and Next.js's own fields. */
export function keptFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string" || key.startsWith("$") || /password/i.test(key)) continue;
    out[key] = value.slice(0, 1000);
  }
  return out;
}

function formObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (!key.startsWith("$") && typeof value === "string") out[key] = value;
  }
  return out;
}

async function guarded(formData: FormData, fn: () => Promise<FormState>): Promise<FormState> {
  try {
    return await fn();
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and friends
    if (isDatabaseUnavailable(error)) {
      return {
        status: "error",
        message: "The service is temporarily unavailable. Please try again in a moment.",
        fields: keptFields(formData),
      };
    }
    throw error;
  }
}

export function validatedAction<S extends z.ZodType>(schema: S, run: Run<S>): Action {
  return async (_prev, formData) =>
    guarded(formData, async () => {
      const parsed = schema.safeParse(formObject(formData));
      if (!parsed.success) {
        return { status: "error", errors: fieldErrors(parsed.error), fields: keptFields(formData) };
      }
      return run(parsed.data, formData);
    });
}

export function validatedActionWithUser<S extends z.ZodType>(schema: S, run: RunWithUser<S>): Action {
  return async (_prev, formData) =>
    guarded(formData, async () => {
      const user = await getCurrentUser();
      if (!user) redirect("/login");
      const parsed = schema.safeParse(formObject(formData));
      if (!parsed.success) {
        return { status: "error", errors: fieldErrors(parsed.error), fields: keptFields(formData) };
      }
      return run(parsed.data, user, formData);
    });
}
