import "server-only";
import type { InvitationPreview } from "./data";

/** GET /api/invites/{token}: the preview; `venue` only where the party shows it to anyone. */
export function toApiPreview(p: InvitationPreview) {
  return {
    party: {
      id: p.id,
      title: p.title,
      host: { username: p.host.username },
      date: p.startsAt.toISOString(),
      going: p.going,
      ...(p.venue !== null && { venue: p.venue }),
    },
  };
}

/** The invitation link of a token, absolute (`origin` from lib/http/request.ts `appOrigin`). */
export function invitationUrl(origin: string, token: string): string {
  return `${origin}/invite/${token}`;
}
