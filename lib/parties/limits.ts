import "server-only";
import { hit, LIMITS, type Hit } from "@/lib/rate-limit";

// Write floods: per user, 30 new parties and 30 RSVP calls (RSVP or cancel)
// a minute. Counted before the write, shared by every instance.

export function partyCreationAllowed(userId: string): Promise<Hit> {
  return hit(`party:create:${userId}`, LIMITS.createPartyPerUser);
}

export function rsvpAllowed(userId: string): Promise<Hit> {
  return hit(`party:rsvp:${userId}`, LIMITS.rsvpPerUser);
}

export function tooManyMessage(retryAfter: number): string {
  return `You are doing that too often. Please wait ${retryAfter} second${retryAfter === 1 ? "" : "s"} and try again.`;
}
