"use server";

import { redirectWithFlash } from "@/lib/flash/mutations";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import { parsePartyId } from "@/lib/party-access/schema";
import { INVALID_PARTY_ID, NOT_THE_HOST, PARTY_NOT_FOUND } from "@/lib/party-access/messages";
import { buttonAction, buttonActionWithUser } from "@/lib/safe-action";
import * as z from "zod/mini";
import "@/lib/zod";
import * as m from "./messages";
import { savePreferences, sendHostMessage, unsubscribe } from "./mutations";
import { hostMessageSchema, notificationPrefsFormSchema } from "./schema";

/** /settings "Email notifications". */
export const savePreferencesAction = buttonActionWithUser(notificationPrefsFormSchema, async (prefs, user) => {
  await savePreferences(user.id, prefs);
  return redirectWithFlash("/settings", m.PREFS_SAVED);
});

const messageForm = z.extend(hostMessageSchema, {
  partyId: z.string().check(z.maxLength(100, INVALID_PARTY_ID)),
});

/**
 * "Message your guests" on the party page: a plain form (the page carries no
 * form library), answered with a flash message on the party page. The
 * browser's own checks (required, maxlength) catch an empty or long message
 * before it is sent.
 */
export const sendHostMessageAction = buttonActionWithUser(messageForm, async ({ partyId, message }, user, back) => {
  const id = parsePartyId(partyId);
  const result = id ? await sendHostMessage(id, user.id, message) : { status: "not_found" as const };
  switch (result.status) {
    case "ok":
      return redirectWithFlash(`/parties/${id}`, m.messageSent(result.sentTo));
    case "throttled":
      return redirectWithFlash(back, tooOftenMessage(result.retryAfter), "error");
    case "forbidden":
      return redirectWithFlash(back, NOT_THE_HOST, "error");
    case "not_found":
      return redirectWithFlash(back, PARTY_NOT_FOUND, "error");
  }
});

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
