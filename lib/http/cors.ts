// Same-origin by default. CORS_ORIGINS lists trusted separate front ends
// (comma-separated origins) that may call the JSON API with credentials.
// Plain module: proxy.ts uses it.

function parseOrigins(value: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const raw of (value ?? "").split(",")) {
    const candidate = raw.trim();
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === "https:" || url.protocol === "http:") out.add(url.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return out;
}

const allowed = parseOrigins(process.env.CORS_ORIGINS);

export function isAllowedCorsOrigin(origin: string): boolean {
  return allowed.has(origin);
}

/** This site's own origin, as the browser sees it (the server fixes X-Forwarded-Proto). */
export function ownOrigin(headers: Headers): string {
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${headers.get("host") ?? ""}`;
}

export function corsHeaders(origin: string, preflight: boolean): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    Vary: "Origin",
    ...(preflight && {
      "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "600",
    }),
  };
}
