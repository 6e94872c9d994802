"use server";

import { redirectWithFlash } from "@/lib/flash/mutations";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import { parsePartyId } from "@/lib/parties/schema";
import { NOT_THE_HOST, PARTY_NOT_FOUND } from "@/lib/parties/messages";
import { buttonAction, buttonActionWithUser, keptFields, validatedActionWithUser } from "@/lib/safe-action";
import type { FormState } from "@/lib/form-state";
import * as m from "./messages";
import { savePreferences, sendHostMessage, unsubscribe } from "./mutations";
import { hostMessageSchema, notificationPrefsFormSchema } from "./schema";

/** /settings "Email notifications". */
export const savePreferencesAction = buttonActionWithUser(notificationPrefsFormSchema, async (prefs, user) => {
  await savePreferences(user.id, prefs);
  return redirectWithFlash("/settings", m.PREFS_SAVED);
});

/** "Message your guests" on the party page. */
export const sendHostMessageAction = validatedActionWithUser(
  hostMessageSchema,
  async ({ message }, user, formData): Promise<FormState> => {
    const id = parsePartyId(formData.get("partyId"));
    const result = id ? await sendHostMessage(id, user.id, message) : { status: "not_found" as const };
    switch (result.status) {
      case "ok":
        return redirectWithFlash(`/parties/${id}`, m.messageSent(result.sentTo));
      case "throttled":
        return { status: "error", message: tooOftenMessage(result.retryAfter), fields: keptFields(formData) };
      case "forbidden":
        return { status: "error", message: NOT_THE_HOST, fields: keptFields(formData) };
      case "not_found":
        return { status: "error", message: PARTY_NOT_FOUND, fields: keptFields(formData) };
    }
  },
);

/** The button of /unsubscribe/{token}: no session needed, the token is the permission. */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  const back = `/unsubscribe/${encodeURIComponent(token)}`;
  await buttonAction(async () => {
    const result = await unsubscribe(token);
    return result.status === "ok"
      ? redirectWithFlash(back, m.unsubscribed(result.kind))
      : redirectWithFlash(back, m.UNSUBSCRIBE_LINK_INVALID, "error");
  })(formData);
}
