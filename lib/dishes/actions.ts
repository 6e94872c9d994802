"use server";

import * as z from "zod/mini";
import "@/lib/zod";
import { redirectWithFlash } from "@/lib/flash/mutations";
import { INVALID_PARTY_ID } from "@/lib/party-access/messages";
import { parsePartyId } from "@/lib/party-access/schema";
import { buttonActionWithUser } from "@/lib/safe-action";
import * as m from "./messages";
import { addDish, claimDish, removeDish, unclaimDish, updateDish } from "./mutations";
import { claimFormSchema, dishFormSchema, parseDishId } from "./schema";

// The board's plain forms on the party page (and the item's edit page): each
// answers with a flash message on the party page, with or without JavaScript.
// The browser's own checks (required, maxlength, min, max) catch most bad
// input before it is sent; the schema refuses the rest.

const ids = { partyId: z.string().check(z.maxLength(100, INVALID_PARTY_ID)), dishId: z.optional(z.string()) };

function refuse(back: string, status: m.DishRefusalStatus, claimed?: number): Promise<never> {
  return redirectWithFlash(back, m.dishRefused(status, claimed).message, "error");
}

/** The ids of the form, or a refusal. */
function target(form: { partyId: string; dishId?: string }) {
  return { partyId: parsePartyId(form.partyId), dishId: parseDishId(form.dishId) };
}

export const addDishAction = buttonActionWithUser(z.extend(dishFormSchema, ids), async (form, user, back) => {
  const { partyId } = target(form);
  if (!partyId) return refuse(back, "not_found");
  const result = await addDish(partyId, user.id, { name: form.name, quantity: form.quantity });
  if (result.status === "ok") return redirectWithFlash(`/parties/${partyId}`, m.DISH_ADDED);
  return refuse(back, result.status);
});

export const updateDishAction = buttonActionWithUser(z.extend(dishFormSchema, ids), async (form, user, back) => {
  const { partyId, dishId } = target(form);
  if (!partyId) return refuse(back, "not_found");
  if (!dishId) return refuse(back, "no_dish");
  const result = await updateDish(partyId, dishId, user.id, { name: form.name, quantity: form.quantity });
  if (result.status === "ok") return redirectWithFlash(`/parties/${partyId}`, m.DISH_SAVED);
  return refuse(back, result.status, result.status === "below_claims" ? result.claimed : undefined);
});

export const removeDishAction = buttonActionWithUser(z.object(ids), async (form, user, back) => {
  const { partyId, dishId } = target(form);
  if (!partyId) return refuse(back, "not_found");
  if (!dishId) return refuse(back, "no_dish");
  const result = await removeDish(partyId, dishId, user.id);
  if (result.status === "ok") return redirectWithFlash(`/parties/${partyId}`, m.DISH_REMOVED);
  return refuse(back, result.status);
});

export const claimDishAction = buttonActionWithUser(z.extend(claimFormSchema, ids), async (form, user, back) => {
  const { partyId, dishId } = target(form);
  if (!partyId) return refuse(back, "not_found");
  if (!dishId) return refuse(back, "no_dish");
  const result = await claimDish(partyId, dishId, user.id, form.note ?? "");
  if (result.status === "ok") return redirectWithFlash(`/parties/${partyId}`, m.CLAIMED);
  return refuse(back, result.status);
});

export const unclaimDishAction = buttonActionWithUser(z.object(ids), async (form, user, back) => {
  const { partyId, dishId } = target(form);
  if (!partyId) return refuse(back, "not_found");
  if (!dishId) return refuse(back, "no_dish");
  const result = await unclaimDish(partyId, dishId, user.id);
  if (result.status === "ok") return redirectWithFlash(`/parties/${partyId}`, m.UNCLAIMED);
  return refuse(back, result.status);
});
