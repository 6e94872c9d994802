// Same-origin by default. CORS_ORIGINS lists trusted separate front ends
// (comma-separated origins, checked at start-up: server/config.mjs) that may
// call the JSON API with credentials. Plain module: proxy.ts uses it.
import { config } from "@/server/shared.mjs";

let allowed: Set<string> | undefined;

export function isAllowedCorsOrigin(origin: string): boolean {
  allowed ??= new Set(config().corsOrigins.map((o) => new URL(o).origin));
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
