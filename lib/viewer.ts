import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { FALLBACK_TIME_ZONE, isValidTimeZone, type Viewer } from "@/lib/time";

/** Set by the browser (components/time-zone-sync.tsx): the viewer's IANA zone. */
export const TIME_ZONE_COOKIE = "dp.tz";
const DEFAULT_LOCALE = "en-GB";

function localeFrom(acceptLanguage: string | null): string {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // not a valid language tag: try the next one
    }
  }
  return DEFAULT_LOCALE;
}

/**
 * How this request's viewer reads dates: their language (Accept-Language)
 * and time zone (cookie), else en-GB and UTC — the server's own zone never
 * leaks into what people see.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return {
    locale: localeFrom((await headers()).get("accept-language")),
    timeZone: isValidTimeZone(zone) ? zone : FALLBACK_TIME_ZONE,
  };
});
