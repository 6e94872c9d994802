// A party and a person's answer as every page, action and API answer reads
// them (./data.ts reads them; ./results.ts and ./api.ts build on them).

/** What a guest can answer; a going answer that does not fit may become "waitlisted". */
export type Answer = "going" | "maybe" | "declined";
export type RsvpResponse = Answer | "waitlisted";

/** A person's answer as they see it (the API's `rsvp`): position only while waitlisted, 1-based. */
export type Rsvp = { response: RsvpResponse; plusOnes: number; note: string; position: number | null };

/** A going guest at the table (the host included). */
export type PartyGuest = { userId: string; username: string; plusOnes: number };

export type Visibility = "listed" | "invite-only";

/** A party as every page, action and API answer reads it: its one shape. */
export type Party = {
  id: number;
  /** the host's title, else "Dinner at {venue}" — or "{host}'s dinner party" when the venue is hidden from the viewer */
  title: string;
  /** the title the host typed (the edit form), or null */
  ownTitle: string | null;
  /** plain text, "\n" between lines */
  details: string;
  startsAt: Date;
  /** null when the host hides it from this viewer (not the host, not going) */
  venue: string | null;
  visibility: Visibility;
  venueHidden: boolean;
  /** grows with every change the host saves (the calendar files' SEQUENCE) */
  revision: number;
  updatedAt: Date;
  mainDish: string;
  seats: number;
  /** going guests and their plus-ones, the host included */
  seatsTaken: number;
  /** seats - seatsTaken, never below 0 */
  seatsLeft: number;
  plusOnesAllowed: number;
  waitlist: boolean;
  rsvpBy: Date | null;
  guestListHidden: boolean;
  hostId: string;
  host: { username: string };
  /**
   * The going guests, the host first, then in the order they answered; the
   * maybes likewise. Both empty (the host too) for a viewer who is not the
   * host when the host hides the guest list.
   */
  guests: PartyGuest[];
  maybe: { userId: string; username: string }[];
  /** people, not seats: going counts the host, not plus-ones */
  counts: { going: number; maybe: number; declined: number; waitlisted: number };
  /** the viewer's own answer (the host's is going), or null */
  mine: Rsvp | null;
};
