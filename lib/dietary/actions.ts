"use server";

import { redirectWithFlash } from "@/lib/flash/mutations";
import { buttonActionWithUser } from "@/lib/safe-action";
import { DIETARY_SAVED } from "./messages";
import { saveDietaryProfile } from "./mutations";
import { dietaryFormSchema } from "./schema";

/** /settings "Dietary needs": a plain form, the same with or without JavaScript. */
export const saveDietaryAction = buttonActionWithUser(dietaryFormSchema, async (profile, user) => {
  await saveDietaryProfile(user.id, profile);
  return redirectWithFlash("/settings", DIETARY_SAVED);
});
