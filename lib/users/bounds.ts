// The numbers behind the account forms' rules, without zod: the forms render
// them (hints, minlength, maxlength) and must not pull the schemas into the
// first page load. ./schema.ts states the rules with these same numbers.
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
// An email's and a password's numbers are lib/credentials', which the login and
// two-factor forms share; repeated here so the account forms read one file.
export { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/credentials/bounds";
