// @ts-check
// CSP nonces: made by proxy.ts for every page, and again by the page cache
// (server.mjs) for every answer it gives from memory — which finds
// the nonce a stored page was rendered with by this same format.
import { randomUUID } from "node:crypto";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce() {
  return Buffer.from(randomUUID()).toString("base64");
}

/** The nonce of a Content-Security-Policy header, if it has one. @param {string} csp */
export function nonceIn(csp) {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
}
