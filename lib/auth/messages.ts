// Words of the contract (shared/design.md) used by pages and the API alike.
export const INCORRECT_CREDENTIALS = "Incorrect credentials";
export const LOGIN_REQUIRED = "Sorry, you must be logged in to view this page";
export const LOGGED_IN = "You are logged in successfully";
export const ALREADY_LOGGED_IN = "You are already logged in";
export const LOGGED_OUT = "You have been logged out.";

export function throttledMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 90
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed login attempts. Please wait ${wait} and try again.`;
}
