// The words of the calendar files and the feed (shared/design.md "Invitations and privacy").
export const FEED_RESET = "Your calendar feed link has been reset: the old one no longer works.";
export const FEED_NOT_FOUND = "This calendar feed link is not valid.";

/** The feed's name in a calendar app. */
export function feedName(username: string): string {
  return `DinnerParty — ${username}`;
}
