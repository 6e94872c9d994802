// The numbers behind the account forms' rules, without zod: the forms render
// them (hints, minlength, maxlength) and must not pull the schemas into the
// first page load. ./schema.ts states the rules with these same numbers.
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 15;
/** Long enough for any passphrase; bounds the work done before hashing. */
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;
