// The words of invitation links (shared/design.md "Invitations and privacy").
export const INVITATION_NOT_FOUND = "This invitation link is not valid. Ask the host for a new one.";
export const LINK_RESET = "Your invitation link has been reset: the old one no longer works.";
export const LOG_IN_TO_RSVP = "Log in to RSVP";
export const REGISTER_TO_RSVP = "Register to RSVP";

/** "{n} going": people, the host included. */
export function goingCount(n: number): string {
  return `${n} going`;
}
