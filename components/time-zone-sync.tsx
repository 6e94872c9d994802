"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const COOKIE = "dp.tz"; // lib/viewer.ts reads it

/**
 * Tells the server the browser's time zone (a cookie), so dates are rendered
 * in the viewer's zone on the server — the same text before and after
 * hydration. On the very first visit the page was rendered in UTC (zone
 * named); it is rendered again once the zone is known.
 */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((c) => c.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1);
    if (current && decodeURIComponent(current) === zone) return;
    document.cookie = `${COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
