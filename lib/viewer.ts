import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { cookieName, resolveLocale, TIME_ZONE_COOKIE } from "@/server/shared.mjs";
import { isHttpsFrom } from "@/lib/http/request";
import { FALLBACK_TIME_ZONE, isValidTimeZone, type Viewer } from "@/lib/time";

/**
 * How this request's viewer reads dates: their language (Accept-Language,
 * resolved as the page cache resolves it) and time zone (cookie), else en-GB and UTC — the server's own zone never
 * leaks into what people see.
 */
export const getViewer = cache(async (): Promise<Viewer & { zoneKnown: boolean }> => {
  const h = await headers();
  const zone = (await cookies()).get(cookieName(TIME_ZONE_COOKIE, isHttpsFrom(h)))?.value;
  const known = isValidTimeZone(zone);
  return {
    locale: resolveLocale(h.get("accept-language")),
    timeZone: known ? zone : FALLBACK_TIME_ZONE,
    zoneKnown: known,
  };
});
