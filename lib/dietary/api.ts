import type { GuestNeeds, PartyDietary } from "./data";
import { NEED_LABELS } from "./messages";
import type { DietaryProfile } from "./schema";

/** GET and PUT /api/me/dietary. */
export function toApiDietary(p: DietaryProfile): DietaryProfile {
  return { needs: [...p.needs], other: p.other, share: p.share };
}

/** GET /api/parties/{id}/dietary, for the host. */
export function toApiPartyDietary(d: PartyDietary) {
  return {
    counts: { ...d.counts },
    guests: d.guests.map((g) => ({ username: g.username, needs: [...g.needs], other: g.other })),
  };
}

/** A guest's needs in one line (the guest list CSV): "Vegetarian; Nut allergy; no coriander". */
export function dietaryLine(g: GuestNeeds): string {
  return [...g.needs.map((n) => NEED_LABELS[n]), ...(g.other ? [g.other] : [])].join("; ");
}
