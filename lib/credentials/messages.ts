// The words of a password check that several domains make (lib/users, lib/two-factor).
export const WRONG_PASSWORD = "That is not your current password.";
