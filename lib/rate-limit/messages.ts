// What people read when a rate limit refuses them (lib/rate-limit/mutations.ts
// has the numbers). One wording per kind, shared by the pages and the API.

function seconds(n: number): string {
  return `${n} second${n === 1 ? "" : "s"}`;
}

/** A write flood: too many parties, RSVPs or password checks in a short time. */
export function tooOftenMessage(retryAfter: number): string {
  return `You are doing that too often. Please wait ${seconds(retryAfter)} and try again.`;
}

/** The brute-force limits on logging in. */
export function tooManyLoginsMessage(retryAfter: number): string {
  const wait = retryAfter < 90 ? seconds(retryAfter) : `${Math.ceil(retryAfter / 60)} minutes`;
  return `Too many failed login attempts. Please wait ${wait} and try again.`;
}

/** Sign-ups per client address. */
export function tooManyAccountsMessage(retryAfter: number): string {
  return `Too many new accounts from your network. Please try again in ${Math.ceil(retryAfter / 60)} minutes.`;
}
