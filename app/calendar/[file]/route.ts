import { feedFile } from "@/lib/calendar/data";
import { FEED_NOT_FOUND } from "@/lib/calendar/messages";
import { appOrigin } from "@/lib/http/request";

type Ctx = { params: Promise<{ file: string }> };

// The personal calendar feed, /calendar/{token}.ics: calendar apps fetch it
// without a session, so the token alone opens it — this feed, nothing else.
// `private`: no shared cache on the way may keep someone's parties.
const HEADERS = { "Cache-Control": "private, no-cache", "Referrer-Policy": "no-referrer" };

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const { file } = await params;
  const body = file.endsWith(".ics") ? await feedFile(file.slice(0, -4), appOrigin(req.headers)) : null;
  if (body === null) {
    return new Response(`${FEED_NOT_FOUND}\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...HEADERS },
    });
  }
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", ...HEADERS } });
}
