import { redirect } from "next/navigation";
import { getCurrentUser, loginUrl } from "@/lib/auth/loaders";
import { dietaryLine } from "@/lib/dietary/api";
import { getPartyDietary } from "@/lib/dietary/loaders";
import { csvDocument } from "@/lib/http/csv";
import { GUEST_CSV_HEADER, toCsvGuest } from "@/lib/parties/api";
import { getGuestList, getParty } from "@/lib/parties/loaders";
import { ONLY_HOST_SEES_GUESTS, PARTY_NOT_FOUND } from "@/lib/parties/messages";
import { parsePartyId } from "@/lib/parties/schema";

type Ctx = { params: Promise<{ id: string }> };

// "Download guest list (CSV)": the host's guest list, notes included. A
// signed-in download: never stored by a cache on the way (and never by the
// server's page cache, which keeps only /, /login, /register and /rsvp).
const PRIVATE = { "Cache-Control": "private, no-store" };

function refusal(status: 403 | 404, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE },
  });
}

export async function GET(_req: Request, { params }: Ctx): Promise<Response> {
  const { id: raw } = await params;
  // The session is checked here, whatever the proxy did: like a page, an
  // anonymous visitor is sent to log in and comes back to the download.
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(`/parties/${raw}/guests.csv`));
  const id = parsePartyId(raw);
  const guests = id ? await getGuestList(id, user.id) : null;
  if (!guests) {
    const exists = id !== null && (await getParty(id, user.id)) !== null;
    return exists ? refusal(403, ONLY_HOST_SEES_GUESTS) : refusal(404, PARTY_NOT_FOUND);
  }
  const needs = new Map(((await getPartyDietary(id!, user.id))?.guests ?? []).map((g) => [g.username, dietaryLine(g)]));
  const rows = guests.map((g) => toCsvGuest(g, needs.get(g.username)));
  return new Response(csvDocument(GUEST_CSV_HEADER, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dinner-party-${id}-guests.csv"`,
      ...PRIVATE,
    },
  });
}
