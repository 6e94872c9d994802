"use server";

import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { redirectWithFlash } from "@/lib/flash/mutations";
import type { FormState } from "@/lib/form-state";
import { buttonActionWithUser, validatedActionWithUser } from "@/lib/safe-action";
import { formatPartyDate } from "@/lib/time";
import { getViewer } from "@/lib/viewer";
import "@/lib/zod";
import * as m from "./messages";
import {
  answerParty,
  cancelRsvp,
  createParty,
  deleteParty,
  partyCreationAllowed,
  removeGuest,
  rsvpGoing,
  rsvpAllowed,
  updateParty,
} from "./mutations";
import type { AnswerResult, RsvpResult } from "./results";
import { answerFormSchema, partyEditFormSchema, partyFormSchema, parsePartyId } from "./schema";

export const createPartyAction = validatedActionWithUser(
  partyFormSchema,
  async (input, user) => {
    await createParty(user.id, input);
    return redirectWithFlash(`/user/${user.username}`, m.PARTY_CREATED);
  },
  { limit: (user) => partyCreationAllowed(user.id) },
);

export const updatePartyAction = validatedActionWithUser(
  partyEditFormSchema,
  async (input, user, formData): Promise<FormState> => {
    const id = parsePartyId(formData.get("partyId"));
    const result = id ? await updateParty(id, user.id, input) : { status: "not_found" as const };
    switch (result.status) {
      case "ok":
        return redirectWithFlash(`/parties/${id}`, m.CHANGES_SAVED);
      case "seats_below_attendees":
        return {
          status: "error",
          errors: { seats: [m.seatsBelowAttendees(result.seatsTaken)] },
        };
      case "rsvp_by_after_start":
        return { status: "error", errors: { rsvpBy: [m.RSVP_BY_AFTER_START] } };
      case "rsvp_by_past":
        return { status: "error", errors: { rsvpBy: [m.RSVP_BY_PAST] } };
      case "forbidden":
        return { status: "error", message: m.NOT_THE_HOST };
      case "not_found":
        return { status: "error", message: m.PARTY_NOT_FOUND };
    }
  },
);

const partyButton = z.object({ partyId: z.string().check(z.maxLength(100, m.INVALID_PARTY_ID)) });

const answering = { limit: (user: { id: string }) => rsvpAllowed(user.id) };

/** Back to the page with the answer's words: the refusal, or what was accepted and for when. */
async function flashAnswer(result: AnswerResult | RsvpResult, back: string) {
  if (result.status !== "ok") return redirectWithFlash(back, m.answerRefused(result).message, "error");
  const date = formatPartyDate(result.startsAt, await getViewer());
  return redirectWithFlash(back, m.answerAccepted(result, date), "success");
}

export const rsvpAction = buttonActionWithUser(
  partyButton,
  async ({ partyId }, user, back) => {
    const id = parsePartyId(partyId);
    return flashAnswer(id ? await rsvpGoing(id, user.id) : { status: "not_found" }, back);
  },
  answering,
);

/** The answer form of /parties/{id}: "RSVP" (or "Join the waitlist"), "Maybe", "Can't go". */
export const answerAction = buttonActionWithUser(
  answerFormSchema,
  async (input, user, back) => {
    const id = parsePartyId(input.partyId);
    const { response, plusOnes, note } = input;
    return flashAnswer(
      id ? await answerParty(id, user.id, { response, plusOnes, note }) : { status: "not_found" },
      back,
    );
  },
  answering,
);

export const cancelRsvpAction = buttonActionWithUser(
  partyButton,
  async ({ partyId }, user, back) => {
    const id = parsePartyId(partyId);
    const result = id ? await cancelRsvp(id, user.id) : { status: "not_found" as const };
    if (result.status !== "ok") return redirectWithFlash(back, m.CANCEL_REFUSED[result.status].message, "error");
    return redirectWithFlash(back, m.RSVP_CANCELLED, "success");
  },
  answering,
);

/** "Remove" beside a guest: a confirm() dialog with JavaScript, a confirmation page without. */
export const removeGuestAction = buttonActionWithUser(
  z.extend(partyButton, { username: z.string().check(z.maxLength(64)), confirmed: z.optional(z.string()) }),
  async ({ partyId, username, confirmed }, user) => {
    const id = parsePartyId(partyId);
    if (!id) return redirectWithFlash("/rsvp", m.PARTY_NOT_FOUND, "error");
    const here = `/parties/${id}`;
    if (confirmed !== "yes") redirect(`${here}/guests/${encodeURIComponent(username)}/remove`);
    const result = await removeGuest(id, user.id, username);
    if (result.status !== "ok") return redirectWithFlash(here, m.REMOVE_REFUSED[result.status].message, "error");
    return redirectWithFlash(here, m.guestRemoved(username.toLowerCase()), "success");
  },
);

export const deletePartyAction = buttonActionWithUser(
  z.extend(partyButton, { confirmed: z.optional(z.string()) }),
  async ({ partyId, confirmed }, user, back) => {
    const id = parsePartyId(partyId);
    if (!id) return redirectWithFlash(back, m.PARTY_NOT_FOUND, "error");
    // Without JavaScript there was no confirm() dialog: ask on a page instead.
    if (confirmed !== "yes") redirect(`/parties/${id}/delete`);
    const result = await deleteParty(id, user.id);
    switch (result.status) {
      case "ok":
        return redirectWithFlash(`/user/${user.username}`, m.PARTY_DELETED, "success");
      case "forbidden":
        return redirectWithFlash(`/parties/${id}`, m.NOT_THE_HOST, "error");
      case "not_found":
        return redirectWithFlash("/rsvp", m.PARTY_NOT_FOUND, "error");
    }
  },
);
