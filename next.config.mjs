/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The repo root, so Turbopack does not guess it from lockfiles further up.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
  // forbidden() → app/forbidden.tsx with a 403, for pages only the host may see.
  experimental: { authInterrupts: true },
};

export default nextConfig;
