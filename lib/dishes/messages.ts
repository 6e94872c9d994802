// Words of the contract (shared/design.md "At the table") about the
// "What to bring" board, and the HTTP status each refusal answers with.
import { NOT_THE_HOST, PARTY_NOT_FOUND, type Refusal } from "@/lib/party-access/messages";

export const ALL_CLAIMED = "Someone is already bringing all of this.";
export const ALREADY_BRINGING = "You are already bringing this.";
export const NOT_GOING = "Only guests who are going can bring something.";
export const NO_SUCH_DISH = "That item is not on this party's list.";
export const NOT_BRINGING = "You are not bringing this.";

export const TOO_MANY_DISHES = "A party's list can have at most 50 items.";

export const DISH_ADDED = "The item has been added.";
export const DISH_SAVED = "The item has been saved.";
export const DISH_REMOVED = "The item has been removed.";
export const CLAIMED = "Thank you! You're bringing it.";
export const UNCLAIMED = "You're no longer bringing it.";

/** The host asked for fewer than are already promised. */
export function belowClaims(claimed: number): string {
  return `${claimed} ${claimed === 1 ? "is" : "are"} already claimed: “How many” cannot be less than ${claimed}.`;
}

/** "2 of 3 claimed", for everyone who can see the party. */
export function claimedLine(claimed: number, quantity: number): string {
  return `${claimed} of ${quantity} claimed`;
}

export type DishRefusalStatus =
  "not_found" | "forbidden" | "no_dish" | "not_going" | "full" | "already" | "no_claim" | "below_claims" | "too_many";

/** Why a write to the board was refused: the message people read and the status the API answers with. */
export function dishRefused(status: DishRefusalStatus, claimed = 0): Refusal {
  switch (status) {
    case "not_found":
      return { status: 404, message: PARTY_NOT_FOUND };
    case "forbidden":
      return { status: 403, message: NOT_THE_HOST };
    case "no_dish":
      return { status: 404, message: NO_SUCH_DISH };
    case "not_going":
      return { status: 403, message: NOT_GOING };
    case "full":
      return { status: 409, message: ALL_CLAIMED };
    case "already":
      return { status: 409, message: ALREADY_BRINGING };
    case "no_claim":
      return { status: 404, message: NOT_BRINGING };
    case "below_claims":
      return { status: 409, message: belowClaims(claimed) };
    case "too_many":
      return { status: 409, message: TOO_MANY_DISHES };
  }
}
