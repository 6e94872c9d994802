// "What to bring" schemas: the party page's forms and the JSON API
// (POST/PATCH /api/parties/{id}/dishes…, POST …/claim) share each field's rule.
import * as z from "zod/mini";
import "@/lib/zod";
import { textChecks } from "@/lib/text";

export const NAME_MAX = 60;
export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 20;
export const NOTE_MAX = 60;

const name = z
  .string({ error: "Enter the item." })
  .check(
    ...textChecks({ label: "item", required: "Enter the item." }),
    z.minLength(1, "Enter the item."),
    z.maxLength(NAME_MAX, `The item can be at most ${NAME_MAX} characters.`),
  );

const QUANTITY_RANGE = `“How many” must be a whole number from ${QUANTITY_MIN} to ${QUANTITY_MAX}.`;

const quantity = z
  .int({ error: QUANTITY_RANGE })
  .check(z.minimum(QUANTITY_MIN, QUANTITY_RANGE), z.maximum(QUANTITY_MAX, QUANTITY_RANGE));

/** "How many" as a form sends it: text. */
const quantityField = z.pipe(
  z
    .string({ error: "Enter how many." })
    .check(z.trim(), z.minLength(1, "Enter how many."), z.regex(/^\d{1,3}$/, QUANTITY_RANGE)),
  z.pipe(
    z.transform((s: string) => Number(s)),
    quantity,
  ),
);

const note = z
  .string({ error: "The note must be text." })
  .check(...textChecks({ label: "note" }), z.maxLength(NOTE_MAX, `The note can be at most ${NOTE_MAX} characters.`));

/** The host's "Item" and "How many" (adding, and the edit page). */
export const dishFormSchema = z.object({ name, quantity: quantityField });

/** "I'll bring it", with an optional "Note". */
export const claimFormSchema = z.object({ note: z.optional(note) });

const unknownFields = (allowed: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys"
    ? `Unknown field: ${(issue.keys ?? []).join(", ")}. Use ${allowed}.`
    : `Send an object with ${allowed}.`;

/** POST /api/parties/{id}/dishes. */
export const dishApiSchema = z.strictObject({ name, quantity }, { error: unknownFields("name, quantity") });

/** PATCH /api/parties/{id}/dishes/{dishId}: either or both. */
export const dishPatchApiSchema = z
  .strictObject({ name: z.optional(name), quantity: z.optional(quantity) }, { error: unknownFields("name, quantity") })
  .check(
    z.refine((p) => p.name !== undefined || p.quantity !== undefined, {
      message: "Send name, quantity or both.",
    }),
  );

/** POST /api/parties/{id}/dishes/{dishId}/claim: an empty body or `{note}`. */
export const claimApiSchema = z.strictObject({ note: z.optional(note) }, { error: unknownFields("note") });

/** An item's id from a URL or a form: a positive 32-bit integer, or null. */
export function parseDishId(value: unknown): number | null {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
