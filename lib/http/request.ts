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

/**
 * The site's address for links that leave the page (an invitation link, a
 * calendar feed): APP_URL when set (behind a proxy, the public name), else
 * the origin this request came to.
 */
export function appOrigin(h: Headers): string {
  const configured = process.env.APP_URL?.trim().replace(/\/+$/, "");
  if (configured && /^https?:\/\/[^/?#\s]+$/i.test(configured)) return configured;
  return `${isHttpsFrom(h) ? "https" : "http"}://${h.get("host") ?? "localhost"}`;
}

/**
 * The site's address in mail: APP_URL, else http://localhost:{PORT}. Never
 * the request's Host — a reset link must not point wherever a forged Host
 * header says.
 */
export function mailOrigin(env: Record<string, string | undefined> = process.env): string {
  const configured = env.APP_URL?.trim().replace(/\/+$/, "");
  if (configured && /^https?:\/\/[^/?#\s]+$/i.test(configured)) return configured;
  return `http://localhost:${env.PORT?.trim() || "3000"}`;
}
