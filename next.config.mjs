import { MAX_FORM_BODY_BYTES } from "./server/shared.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The repo root, so Turbopack does not guess it from lockfiles further up.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // The test run builds beside ESLint and then runs tsc over the whole project
  // (scripts/lib/test-phases.mjs): it asks the build to skip its own, second
  // type check. Every other build checks types as usual.
  typescript: { ignoreBuildErrors: process.env.DINNERPARTY_BUILD_SKIP_TYPECHECK === "1" },
  experimental: {
    // forbidden() → app/forbidden.tsx with a 403, for pages only the host may see.
    authInterrupts: true,
    // Forms are small; the server refuses bigger bodies first.
    serverActions: { bodySizeLimit: `${MAX_FORM_BODY_BYTES / 1024}kb` },
  },
  // Headers every response carries (pages also get a per-request CSP with a
  // nonce from proxy.ts; API responses a deny-all CSP).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()",
          },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // Only over HTTPS (server/client-address.mjs decides X-Forwarded-Proto): one year.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Cache-Control", value: "no-store" }],
      },
      // Links whose path is a key (an invitation, a calendar feed): the page
      // must not hand it to the next site in a Referer. Listed after the
      // catch-all, so their value wins.
      ...["/invite/:token", "/api/invites/:token", "/calendar/:file"].map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      })),
    ];
  },
};

export default nextConfig;
