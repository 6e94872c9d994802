// The numbers of an email and a password, without zod: every form that takes
// one (register, log in, change, reset) and the schemas state them alike.
// lib/users/bounds.ts repeats them beside the account forms' other numbers.
export const PASSWORD_MIN = 15;
/** Long enough for any passphrase; bounds the work done before hashing. */
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;
