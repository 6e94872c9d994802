import "server-only";
import { headers } from "next/headers";

/**
 * True when the browser reached us over HTTPS. The server (server/client-address.mjs) sets
 * X-Forwarded-Proto from the socket, or keeps the proxy's value when
 * TRUST_PROXY=1, so the client cannot choose it.
 */
export function isHttpsFrom(h: Headers): boolean {
  return h.get("x-forwarded-proto") === "https";
}

export async function isHttps(): Promise<boolean> {
  return isHttpsFrom(await headers());
}
