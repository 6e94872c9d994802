"use server";

import * as z from "zod/mini";
import { redirectWithFlash } from "@/lib/flash/mutations";
import { NOT_THE_HOST, PARTY_NOT_FOUND } from "@/lib/party-access/messages";
import { parsePartyId } from "@/lib/party-access/schema";
import { buttonActionWithUser } from "@/lib/safe-action";
import "@/lib/zod";
import { LINK_RESET } from "./messages";
import { resetInvitation } from "./mutations";

/** "Reset link" on the host's party page: the old link answers 404 from now on. */
export const resetInvitationAction = buttonActionWithUser(
  z.object({ partyId: z.string().check(z.maxLength(100)) }),
  async ({ partyId }, user) => {
    const id = parsePartyId(partyId);
    const result = id ? await resetInvitation(id, user.id) : { status: "not_found" as const };
    switch (result.status) {
      case "ok":
        return redirectWithFlash(`/parties/${id}`, LINK_RESET, "success");
      case "forbidden":
        return redirectWithFlash(`/parties/${id}`, NOT_THE_HOST, "error");
      case "not_found":
        return redirectWithFlash("/rsvp", PARTY_NOT_FOUND, "error");
    }
  },
);
