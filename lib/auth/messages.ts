// Words of the contract (shared/design.md) about logging in and out, used by
// pages and the API alike. Rate-limit wording: lib/rate-limit/messages.ts.
export const INCORRECT_CREDENTIALS = "Incorrect credentials";
export const LOGIN_REQUIRED = "Sorry, you must be logged in to view this page";
export const LOGGED_IN = "You are logged in successfully";
export const ALREADY_LOGGED_IN = "You are already logged in";
export const LOGGED_OUT = "You have been logged out.";
