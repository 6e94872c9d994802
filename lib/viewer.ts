import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { cookieName, TIME_ZONE_COOKIE } from "@/lib/http/cookie-names.mjs";
import { isHttpsFrom } from "@/lib/http/request";
import { remember } from "@/lib/memo";
import { FALLBACK_TIME_ZONE, isValidTimeZone, type Viewer } from "@/lib/time";

const DEFAULT_LOCALE = "en-GB";

// Resolving a language tag asks ICU each time; the headers browsers send are
// few, so answers are kept.
const resolved = new Map<string, string>();

function localeFrom(acceptLanguage: string | null): string {
  return remember(resolved, acceptLanguage ?? "", () => resolveLocale(acceptLanguage ?? ""));
}

function resolveLocale(acceptLanguage: string): string {
  for (const part of acceptLanguage.split(",")) {
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
export const getViewer = cache(async (): Promise<Viewer & { zoneKnown: boolean }> => {
  const h = await headers();
  const zone = (await cookies()).get(cookieName(TIME_ZONE_COOKIE, isHttpsFrom(h)))?.value;
  const known = isValidTimeZone(zone);
  return {
    locale: localeFrom(h.get("accept-language")),
    timeZone: known ? zone : FALLBACK_TIME_ZONE,
    zoneKnown: known,
  };
});
