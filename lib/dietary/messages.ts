// Words of the contract (shared/design.md "At the table") about dietary needs.
import type { DietaryNeed } from "./schema";

/** The needs as /settings and the host's summary name them. */
export const NEED_LABELS: Record<DietaryNeed, string> = {
  vegetarian: "Vegetarian",
  vegan: "Vegan",
  pescatarian: "Pescatarian",
  "gluten-free": "Gluten-free",
  "dairy-free": "Dairy-free",
  "nut-allergy": "Nut allergy",
  "shellfish-allergy": "Shellfish allergy",
  halal: "Halal",
  kosher: "Kosher",
};

export const SHARE_LABEL = "Share my dietary needs with the hosts of parties I'm going to";

export const DIETARY_SAVED = "Your dietary needs have been saved.";

/** "2 Vegetarian · 1 Nut allergy": the host's counts, in the contract's order of needs. */
export function countsLine(counts: Partial<Record<DietaryNeed, number>>): string {
  return (Object.keys(NEED_LABELS) as DietaryNeed[])
    .filter((n) => (counts[n] ?? 0) > 0)
    .map((n) => `${counts[n]} ${NEED_LABELS[n]}`)
    .join(" · ");
}

export const ONLY_HOST_SEES_DIETARY = "Only the host can see the guests' dietary needs.";
