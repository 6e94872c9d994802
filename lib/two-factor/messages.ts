// Words of the contract (shared/design.md "Two-factor sign-in") and what the
// settings and login pages say around them.

export const INCORRECT_CODE = "Incorrect code";
/** A right code whose time step was spent already — most often the one still on screen after turning it on. */
export const CODE_JUST_USED = "This code was just used. Wait for the next one.";
export const CODE_REQUIRED = "Two-factor code required";
export const STEP_EXPIRED = "This sign-in has expired. Please log in again.";
export const SETUP_INVALID = "The set-up has expired. Please start again.";

export const TURNED_ON = "Two-factor authentication is on. Keep your recovery codes somewhere safe.";
export const TURNED_OFF = "Two-factor authentication is off.";
export const CODES_RENEWED = "Your new recovery codes are below; the old ones no longer work.";
export const ALREADY_ON = "Two-factor authentication is already on.";
export const NOT_ON = "Two-factor authentication is not on.";

export type AccountEventKind = "two-factor-on" | "two-factor-off" | "recovery-code-used" | "recovery-codes-renewed";

/** How /settings lists each event. */
export const EVENT_LABELS: Record<AccountEventKind, string> = {
  "two-factor-on": "Two-factor authentication turned on",
  "two-factor-off": "Two-factor authentication turned off",
  "recovery-code-used": "A recovery code was used to log in",
  "recovery-codes-renewed": "New recovery codes made",
};
