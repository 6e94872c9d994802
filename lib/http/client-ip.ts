import "server-only";
import { headers } from "next/headers";

import { CLIENT_IP_HEADER } from "@/server/shared.mjs";

// The server sets CLIENT_IP_HEADER on every request. Next.js itself keeps a
// client-sent X-Forwarded-For, so that header is never read here.

export function clientIpFrom(h: Headers): string {
  return h.get(CLIENT_IP_HEADER) || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
