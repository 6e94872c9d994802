import "server-only";
import { headers } from "next/headers";

/**
 * Set by server.mjs on every request from the socket address, or from
 * X-Forwarded-For when TRUST_PROXY=1; a value sent by the client is dropped
 * there. Next.js itself keeps a client-sent X-Forwarded-For, so that header
 * is never read here.
 */
export const CLIENT_IP_HEADER = "x-dinnerparty-client-ip";

export function clientIpFrom(h: Headers): string {
  return h.get(CLIENT_IP_HEADER) || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
