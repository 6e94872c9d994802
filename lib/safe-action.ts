import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import * as z from "zod/mini";
import "@/lib/validation/zod";
import type { Output, Schema } from "@/lib/validation/zod";
import { getCurrentUser } from "@/auth";
import type { SessionUser } from "@/lib/auth/sessions";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/lib/form-state";
import { fieldErrors } from "@/lib/http/api";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { bridge } from "@/server/bridge.mjs";

// Every server action goes through here: parse the form with the same zod
// schema the browser used, get the user where one is needed, then run.
//
// - Actions behind a form with useActionState answer a FormState: typed field
//   errors and the fields as typed (passwords excepted), so the form — with or
//   without JavaScript — shows them again.
// - Plain button forms (RSVP, cancel, delete) answer with a redirect and a
//   flash message.

const UNAVAILABLE = "The service is temporarily unavailable. Please try again in a moment.";
const UNREADABLE = "The form could not be read. Please try again.";

/**
 * Tell server.mjs that our code now handles this request: from here on a
 * 500 is our fault, not a malformed request's.
 */
function markActionStarted(): void {
  const post = bridge().formPosts.getStore();
  if (post) post.actionStarted = true;
}

/** The form's fields as strings, minus Next.js's own ($ACTION_…) entries. */
function formObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (!key.startsWith("$") && typeof value === "string") out[key] = value;
  }
  return out;
}

/** What the person typed, to refill the form — never a password. */
export function keptFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formObject(formData))) {
    if (!/password/i.test(key)) out[key] = value.slice(0, 1000);
  }
  return out;
}

async function stateAction<S extends Schema>(
  schema: S,
  formData: FormData,
  user: SessionUser | null,
  run: (data: Output<S>, user: SessionUser | null) => Promise<FormState>,
): Promise<FormState> {
  try {
    const parsed = z.safeParse(schema, formObject(formData));
    if (!parsed.success) {
      return { status: "error", errors: fieldErrors(parsed.error), fields: keptFields(formData) };
    }
    return await run(parsed.data, user);
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and friends
    if (isDatabaseUnavailable(error)) return { status: "error", message: UNAVAILABLE, fields: keptFields(formData) };
    throw error;
  }
}

async function requireActionUser(): Promise<SessionUser> {
  // The session is checked here, in the action, whatever the page or the proxy did.
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

export type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** For forms used before login (register, log in). */
export function validatedAction<S extends Schema>(
  schema: S,
  run: (data: Output<S>, formData: FormData) => Promise<FormState>,
): Action {
  return async (_prev, formData) => {
    markActionStarted();
    // A hand-made request may send anything as the arguments.
    if (!(formData instanceof FormData)) return { status: "error", message: UNREADABLE };
    return stateAction(schema, formData, null, (data) => run(data, formData));
  };
}

/** For forms of a logged-in user (host a party, edit it). */
export function validatedActionWithUser<S extends Schema>(
  schema: S,
  run: (data: Output<S>, user: SessionUser, formData: FormData) => Promise<FormState>,
): Action {
  return async (_prev, formData) => {
    markActionStarted();
    const user = await requireActionUser();
    if (!(formData instanceof FormData)) return { status: "error", message: UNREADABLE };
    return stateAction(schema, formData, user, (data) => run(data, user, formData));
  };
}

/** For one-button forms that need no login (log out). */
export function buttonAction(run: () => Promise<never>): (formData: FormData) => Promise<void> {
  return async () => {
    markActionStarted();
    await run();
  };
}

/**
 * For one-button forms of a logged-in user (RSVP, cancel, delete). The form
 * may carry `returnTo`, a same-site path to come back to; `run` ends with a
 * redirect and a flash message, and so does a form that fails validation.
 */
export function buttonActionWithUser<S extends Schema>(
  schema: S,
  run: (data: Output<S>, user: SessionUser, back: string) => Promise<never>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    markActionStarted();
    const user = await requireActionUser();
    if (!(formData instanceof FormData)) redirect("/");
    const back = safeCallbackPath(formData.get("returnTo")) ?? "/rsvp";
    const parsed = z.safeParse(schema, formObject(formData));
    if (parsed.success) await run(parsed.data, user, back);
    await setFlash(parsed.error?.issues[0]?.message ?? "Please check the form.", "error");
    redirect(back);
  };
}
