import "server-only";
import { headers } from "next/headers";
import { config, defaultOrigin } from "@/server/shared.mjs";

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

/**
 * The site's address for links that leave the page (an invitation link, a
 * calendar feed): APP_URL when set (behind a proxy, the public name), else
 * the origin this request came to.
 */
export function appOrigin(h: Headers): string {
  return config().appUrl ?? `${isHttpsFrom(h) ? "https" : "http"}://${h.get("host") ?? "localhost"}`;
}

/**
 * The site's address in mail: APP_URL, else http://localhost:{PORT}. Never
 * the request's Host — a reset link must not point wherever a forged Host
 * header says.
 */
export function mailOrigin(): string {
  return defaultOrigin(config());
}
