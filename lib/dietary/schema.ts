// Dietary schemas: the "Dietary needs" form of /settings and its JSON twin
// (PUT /api/me/dietary) share the rules of each field.
import * as z from "zod/mini";
import "@/lib/zod";
import { textChecks } from "@/lib/text";

/** The needs a guest can tick, in the contract's order (also the order they are stored and shown in). */
export const DIETARY_NEEDS = [
  "vegetarian",
  "vegan",
  "pescatarian",
  "gluten-free",
  "dairy-free",
  "nut-allergy",
  "shellfish-allergy",
  "halal",
  "kosher",
] as const;
export type DietaryNeed = (typeof DIETARY_NEEDS)[number];

export type DietaryProfile = { needs: DietaryNeed[]; other: string; share: boolean };

export const OTHER_MAX = 200;

/** The contract's order, duplicates dropped: how a set of needs is stored and compared. */
export function orderNeeds(needs: readonly string[]): DietaryNeed[] {
  return DIETARY_NEEDS.filter((n) => needs.includes(n));
}

const other = z
  .string({ error: "Other needs must be text." })
  .check(
    ...textChecks({ label: "other needs" }),
    z.maxLength(OTHER_MAX, `Other needs can be at most ${OTHER_MAX} characters.`),
  );

const need = z.enum(DIETARY_NEEDS, { error: `Each need must be one of ${DIETARY_NEEDS.join(", ")}.` });

/** A checkbox with the hidden "off" before it (lib/notifications/schema.ts does the same). */
const box = z.optional(
  z.pipe(
    z.enum(["on", "off"], { error: "Tick the box or leave it empty." }),
    z.transform((v: "on" | "off") => v === "on"),
  ),
);

/**
 * /settings "Dietary needs": one box per need (`need-{key}`), "Other needs"
 * and the sharing box; a form posted without JavaScript sends "off" for an
 * unticked box.
 */
export const dietaryFormSchema = z.pipe(
  z.object({
    ...(Object.fromEntries(DIETARY_NEEDS.map((n) => [`need-${n}`, box])) as Record<`need-${DietaryNeed}`, typeof box>),
    other: z.optional(other),
    share: box,
  }),
  z.transform((form): DietaryProfile => ({
    needs: DIETARY_NEEDS.filter((n) => form[`need-${n}`] === true),
    other: form.other ?? "",
    share: form.share ?? false,
  })),
);

/** PUT /api/me/dietary: any of the three; the others stay as they are. Nothing else. */
export const dietaryApiSchema = z.strictObject(
  {
    needs: z.optional(
      z.pipe(
        z.array(need, { error: `needs must be a list of ${DIETARY_NEEDS.join(", ")}.` }),
        z.transform((list: DietaryNeed[]) => orderNeeds(list)),
      ),
    ),
    other: z.optional(other),
    share: z.optional(z.boolean({ error: "share must be true or false." })),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field: ${(issue as { keys: string[] }).keys.join(", ")}. Use needs, other, share.`
        : "Send an object with needs, other and share.",
  },
);
