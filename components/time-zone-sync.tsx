"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Tells the server the browser's time zone, so dates are rendered in the
 * viewer's zone on the server — the same text before and after hydration.
 * `known` is the zone the server rendered with (null if it had none): on a
 * first visit the page says UTC, learns the zone and renders again.
 */
export function TimeZoneSync({ known }: { known: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === known) return;
    void fetch("/api/viewer/time-zone", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ timeZone: zone }),
    }).then((res) => {
      if (res.ok) router.refresh();
    });
  }, [known, router]);
  return null;
}
