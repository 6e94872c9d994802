import { redirect } from "next/navigation";
import { getCurrentUser, loginUrl } from "@/lib/auth/loaders";
import { partyEvent } from "@/lib/calendar/api";
import { renderCalendar } from "@/lib/calendar/ics";
import { appOrigin } from "@/lib/http/request";
import { getParty } from "@/lib/parties/loaders";
import { PARTY_NOT_FOUND } from "@/lib/parties/messages";
import { parsePartyId } from "@/lib/parties/schema";

type Ctx = { params: Promise<{ id: string }> };

// "Add to calendar": the party as one event, for anyone who may see it, as
// they may see it (no LOCATION where the venue is hidden from them). A party
// they may not see is the same 404 as a missing one.
const PRIVATE = { "Cache-Control": "private, no-store" };

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const { id: raw } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(`/parties/${raw}/calendar.ics`));
  const id = parsePartyId(raw);
  const party = id ? await getParty(id, user.id) : null;
  if (!party) {
    return new Response(`${PARTY_NOT_FOUND}\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE },
    });
  }
  return new Response(renderCalendar({ events: [partyEvent(party, appOrigin(req.headers))] }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="dinner-party-${party.id}.ics"`,
      ...PRIVATE,
    },
  });
}
