import type { FieldErrors } from "@/lib/form-state";

// The contract's words (shared/design.md) for a party that is not there or
// not the caller's, which every domain about a party answers with; the rest
// of the parties' words are in lib/parties/messages.ts, which repeats these.
export const INVALID_PARTY_ID = "Please enter a valid Party ID to RSVP!";
export const NOT_THE_HOST = "Only the host can change this dinner party.";
export const PARTY_NOT_FOUND = "There is no dinner party with this ID.";

/** A refusal as pages and the API give it: the message people read and the HTTP status. */
export type Refusal = { status: 400 | 403 | 404 | 409; message: string; errors?: FieldErrors };
