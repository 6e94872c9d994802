"use server";

import * as z from "zod/mini";
import { redirectWithFlash } from "@/lib/flash/mutations";
import { buttonActionWithUser } from "@/lib/safe-action";
import "@/lib/zod";
import { FEED_RESET } from "./messages";
import { resetFeed } from "./mutations";

/** "Reset feed link" in /settings. */
export const resetFeedAction = buttonActionWithUser(z.object({}), async (_input, user) => {
  await resetFeed(user.id);
  return redirectWithFlash("/settings", FEED_RESET, "success");
});
