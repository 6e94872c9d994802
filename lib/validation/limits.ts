// The numbers behind the form rules, without zod: forms render them (hints,
// minlength) and must not pull the schemas into the first page load.
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 15;
/** Long enough for any passphrase; bounds the work done before hashing. */
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;
export const TEXT_MAX = 120;
export const SEATS_MIN = 2;
export const SEATS_MAX = 100;
