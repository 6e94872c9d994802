// Words of the contract (shared/design.md) about accounts, and the other
// things the account pages and the API say. Rate-limit wording:
// lib/rate-limit/messages.ts.
export const USER_TAKEN = "User already registered.";
export const USERNAME_TAKEN = "This username is already taken.";
export const EMAIL_TAKEN = "An account with this email already exists.";

export function welcome(username: string): string {
  return `Welcome to DinnerParty, ${username}!`;
}
export const PASSWORD_CHANGED = "Your password has been changed. Every other session has been logged out.";
export const ACCOUNT_DELETED = "Your account has been deleted. We are sorry to see you go.";

export function otherSessionsEnded(count: number): string {
  return count === 0
    ? "There were no other sessions."
    : `Logged out of ${count} other session${count === 1 ? "" : "s"}.`;
}

// Password reset.
export const RESET_REQUESTED = "If an account exists for that email, we've sent a link to reset the password.";
export const PASSWORD_RESET = "Your password has been reset. Please log in.";
export const RESET_LINK_INVALID = "This reset link is invalid or has expired.";

// Email confirmation.
export const EMAIL_CONFIRMED = "Your email address has been confirmed.";
export const CONFIRM_LINK_INVALID = "This confirmation link is invalid or has expired.";
export const PLEASE_CONFIRM = "Please confirm your email address.";
export const CONFIRMATION_SENT = "We've sent you a new confirmation link.";
export const ALREADY_CONFIRMED = "Your email address is already confirmed.";
export const SAME_EMAIL = "This is already your email address.";

export function emailChangeRequested(address: string): string {
  return `We've sent a confirmation link to ${address}. Your address changes once you open it.`;
}
