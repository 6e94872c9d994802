// Runs once when a server process starts (Next.js calls register()).
//
// The server (server/) sits in front of Next.js and keeps a few seconds of
// rendered pages (server/page-cache.mjs). It is plain Node and cannot import
// the app's TypeScript, so the app hands it, through server/bridge.mjs, the
// one function it needs for signed-in pages: the session and content-version check.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ signedInPageStamp }, { bridge }] = await Promise.all([
    import("@/lib/auth/page-stamp"),
    import("@/server/bridge.mjs"),
  ]);
  bridge().signedInPageStamp = signedInPageStamp;
}
