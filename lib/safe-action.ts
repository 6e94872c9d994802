import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import * as z from "zod/mini";
import { getCurrentUser } from "@/lib/sessions/loaders";
import type { SessionUser } from "@/lib/sessions/session-token";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { redirectWithFlash, setFlash } from "@/lib/flash/mutations";
import type { Action, FormState } from "@/lib/form-state";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import type { Hit } from "@/lib/rate-limit/mutations";
import { fieldErrors, type Output, type Schema } from "@/lib/zod";
import { bridge } from "@/server/bridge.mjs";

// Every server action goes through here: parse the form with the same zod
// schema the browser used, get the user where one is needed, then run.
//
// - Actions behind a form with useActionState answer a FormState: typed field
//   errors and the fields as typed (passwords excepted), so the form — with or
//   without JavaScript — shows them again.
// - Plain button forms (RSVP, cancel, delete, log out) answer with a redirect
//   and a flash message.
// - Either kind, while the database is unreachable, says so ("temporarily
//   unavailable") instead of failing with a 500: a form keeps what was typed;
//   a button goes back where it came from, where the proxy shows the
//   self-refreshing 503 page until the database is back.
// - `limit`: how often the user may do this (lib/rate-limit), counted once
//   the input is valid; past it, the same words everywhere ("too often").
// - A form refused for any reason keeps what was typed: the wrapper adds the
//   fields to every error an action answers.

const UNAVAILABLE = "The service is temporarily unavailable. Please try again in a moment.";
const UNREADABLE = "The form could not be read. Please try again.";

/**
 * Tell the server (server/bad-input.mjs) that our code now handles this
 * request: from here on a 500 is our fault, not a malformed request's.
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
    // Long enough for the longest field (a party's details, 2,000 characters) with room to spare.
    if (!/password/i.test(key)) out[key] = value.slice(0, 4000);
  }
  return out;
}

async function requireActionUser(): Promise<SessionUser> {
  // The session is checked here, in the action, whatever the page or the proxy did.
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** The options every wrapper takes. */
export type ActionOptions<U> = {
  /** A rate limit, counted once the input is valid: a refusal says "too often" and runs nothing. */
  limit?: (user: U) => Promise<Hit>;
};

async function stateAction<S extends Schema, U>(
  schema: S,
  formData: FormData,
  who: () => Promise<U>,
  run: (data: Output<S>, user: U) => Promise<FormState>,
  { limit }: ActionOptions<U> = {},
): Promise<FormState> {
  try {
    const user = await who();
    const parsed = z.safeParse(schema, formObject(formData));
    if (!parsed.success) {
      return { status: "error", errors: fieldErrors(parsed.error), fields: keptFields(formData) };
    }
    const allowed = limit ? await limit(user) : null;
    if (allowed && !allowed.ok) {
      return { status: "error", message: tooOftenMessage(allowed.retryAfter), fields: keptFields(formData) };
    }
    const state = await run(parsed.data, user);
    return state.status === "error" && !state.fields ? { ...state, fields: keptFields(formData) } : state;
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and friends
    if (isDatabaseUnavailable(error)) return { status: "error", message: UNAVAILABLE, fields: keptFields(formData) };
    throw error;
  }
}

const nobody = async () => null;

/** For forms used before login (register, log in). */
export function validatedAction<S extends Schema>(
  schema: S,
  run: (data: Output<S>, formData: FormData) => Promise<FormState>,
): Action {
  return async (_prev, formData) => {
    markActionStarted();
    // A hand-made request may send anything as the arguments.
    if (!(formData instanceof FormData)) return { status: "error", message: UNREADABLE };
    return stateAction(schema, formData, nobody, (data) => run(data, formData));
  };
}

/** For forms of a logged-in user (host a party, edit it). */
export function validatedActionWithUser<S extends Schema>(
  schema: S,
  run: (data: Output<S>, user: SessionUser, formData: FormData) => Promise<FormState>,
  options: ActionOptions<SessionUser> = {},
): Action {
  return async (_prev, formData) => {
    markActionStarted();
    if (!(formData instanceof FormData)) {
      await requireActionUser();
      return { status: "error", message: UNREADABLE };
    }
    return stateAction(schema, formData, requireActionUser, (data, user) => run(data, user, formData), options);
  };
}

/** A button's action failed: say "unavailable" when the database is away, else let it be a 500. */
async function buttonFailed(error: unknown, back: string): Promise<never> {
  unstable_rethrow(error); // the redirect every button ends with
  if (!isDatabaseUnavailable(error)) throw error;
  // The message lives in the database too: it shows if the database is back by then.
  await setFlash(back, UNAVAILABLE, "error").catch(() => {});
  redirect(back);
}

/** For one-button forms that need no login (log out). */
export function buttonAction(run: () => Promise<never>): (formData: FormData) => Promise<void> {
  return async () => {
    markActionStarted();
    try {
      await run();
    } catch (error) {
      await buttonFailed(error, "/");
    }
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
  { limit }: ActionOptions<SessionUser> = {},
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    markActionStarted();
    const back = (formData instanceof FormData && safeCallbackPath(formData.get("returnTo"))) || "/rsvp";
    try {
      const user = await requireActionUser();
      if (!(formData instanceof FormData)) redirect("/");
      const parsed = z.safeParse(schema, formObject(formData));
      const allowed = parsed.success && limit ? await limit(user) : null;
      if (allowed && !allowed.ok) return redirectWithFlash(back, tooOftenMessage(allowed.retryAfter), "error");
      if (parsed.success) await run(parsed.data, user, back);
      return redirectWithFlash(back, parsed.error?.issues[0]?.message ?? "Please check the form.", "error");
    } catch (error) {
      await buttonFailed(error, back);
    }
  };
}
