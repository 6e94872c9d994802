// @ts-check
// The client's address and scheme are decided here, once: from the socket,
// or from X-Forwarded-For / X-Forwarded-Proto only when TRUST_PROXY=1.
// Next.js would otherwise keep whatever X-Forwarded-For a client sends, and
// rate limits keyed on it could be dodged (docs/decisions/001-custom-server.md).
import { CLIENT_IP_HEADER, PAGE_PATH_HEADER, PAYLOAD_HEADER, PREFETCH_HEADER } from "./shared.mjs";

/** "::ffff:127.0.0.1" → "127.0.0.1" @param {string | undefined} address */
function plainAddress(address) {
  return (address ?? "unknown").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/**
 * Sets the headers the app trusts — the client's address, X-Forwarded-Proto,
 * the prefetch and payload markers and the page path — dropping whatever a client sent
 * under those names.
 * @param {import("node:http").IncomingMessage} req @param {boolean} trustProxy
 */
export function normaliseHeaders(req, trustProxy) {
  const h = req.headers;
  const socketIp = plainAddress(req.socket.remoteAddress);
  const scheme = /** @type {any} */ (req.socket).encrypted ? "https" : "http";
  delete h[CLIENT_IP_HEADER];
  delete h[PREFETCH_HEADER];
  delete h[PAYLOAD_HEADER];
  if (h["next-router-prefetch"] || h["next-router-segment-prefetch"]) h[PREFETCH_HEADER] = "1";
  if (h.rsc === "1") h[PAYLOAD_HEADER] = "1";
  h[PAGE_PATH_HEADER] = String(req.url ?? "/").split("?")[0];
  if (trustProxy) {
    // Our proxy appends the address it saw: the right-most entry is the one it vouches for.
    const forwarded = String(h["x-forwarded-for"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    h[CLIENT_IP_HEADER] = plainAddress(forwarded.at(-1) ?? socketIp);
    // The first entry is the scheme the client used (split always gives one).
    h["x-forwarded-proto"] = /** @type {string} */ (String(h["x-forwarded-proto"] ?? scheme).split(",")[0]).trim();
  } else {
    delete h["x-forwarded-for"];
    delete h["x-forwarded-host"];
    delete h["x-forwarded-port"];
    h[CLIENT_IP_HEADER] = socketIp;
    h["x-forwarded-proto"] = scheme;
  }
}
