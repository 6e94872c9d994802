import type { HostRefusal } from "@/lib/party-access/data";
import type { Answer, Rsvp } from "./party";

// What the parties' writes answer (./mutations): a status union each, which
// ./messages.ts maps to words once. Types only, so the words, the schemas and
// the writes can all name them without importing one another.

/** A host-only write: done, or the party is not there for the caller (404) or not theirs (403). */
export type HostWrite = { status: "ok" } | HostRefusal;

export type PartyWriteRefusal =
  | { status: "seats_below_attendees"; seatsTaken: number }
  | { status: "rsvp_by_after_start" }
  | { status: "rsvp_by_past" };

export type RemoveGuestResult =
  { status: "ok" } | { status: "not_found" } | { status: "forbidden" } | { status: "host" } | { status: "not_a_guest" };

export type AnswerWish = { response: Answer; plusOnes?: number; note?: string };

export type AnswerOutcome = Answer | "waitlisted" | "updated";

export type AnswerResult =
  | { status: "ok"; outcome: AnswerOutcome; hostUsername: string; startsAt: Date; rsvp: Rsvp }
  | { status: "not_found" }
  | { status: "past" }
  | { status: "closed" }
  | { status: "host" }
  | { status: "removed" }
  | { status: "already" }
  | { status: "full" }
  | { status: "no_room_for_plus_ones" }
  | { status: "too_many_plus_ones"; allowed: number };

/** An answer's result, where the host is "already" at the table rather than refused. */
export type RsvpResult = Exclude<AnswerResult, { status: "host" }>;

export type CancelResult =
  { status: "ok" } | { status: "not_found" } | { status: "not_attending" } | { status: "host" };
