import "server-only";

// Who is signed in, for pages and route handlers: lib/auth is their one door
// to sign-in. The lookups themselves are lib/sessions', below every domain
// and lib/safe-action.ts, which ask there (docs/decisions/031-domain-order.md).
export { currentSessionToken, getCurrentUser, loginUrl, requireApiUser, requireUser } from "@/lib/sessions/loaders";
