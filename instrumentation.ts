// Runs once when a server process starts (Next.js calls register()).
//
// server.mjs sits in front of Next.js and keeps a few seconds of rendered
// pages (lib/http/page-cache.mjs). It is plain Node and cannot import the
// app's TypeScript, so the app hands it, through globalThis, the one function
// it needs for signed-in pages: the session and content-version check.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { signedInPageStamp } = await import("@/lib/http/page-stamp");
  (globalThis as { __dinnerpartySignedInPageStamp?: typeof signedInPageStamp }).__dinnerpartySignedInPageStamp =
    signedInPageStamp;
}
