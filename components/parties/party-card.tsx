import Link from "next/link";
import type { Party } from "@/lib/parties/data";
import { VENUE_HIDDEN } from "@/lib/parties/messages";
import type { Viewer } from "@/lib/time";
import { getViewer } from "@/lib/viewer";
import { RsvpButton } from "./party-buttons";
import { PartyDate } from "./party-date";

/** Seats left; when none, "Waitlist" or "Full" — but never a warning to someone who has a seat. */
export function SeatsBadge({ party, seated = false }: { party: Party; seated?: boolean }) {
  const left = party.seatsLeft;
  const tone = left === 0 ? (seated ? "few" : "full") : left <= 2 ? "few" : "open";
  const full = party.waitlist && !seated ? "Waitlist" : "Full";
  return (
    <span className={`badge badge-${tone}`}>{left === 0 ? full : `${left} seat${left === 1 ? "" : "s"} left`}</span>
  );
}

/** "{n} going · {m} maybe": people, the host included. */
export function AnswerCounts({ party }: { party: Party }) {
  return (
    <p className="party-counts">
      {party.counts.going} going · {party.counts.maybe} maybe
    </p>
  );
}

export function GuestList({ party, label = "Guests" }: { party: Party; label?: string }) {
  return (
    <ul className="guest-list" aria-label={label}>
      {party.guests.map(({ userId, username, plusOnes }) => (
        <li key={userId}>
          {plusOnes > 0 ? `${username} +${plusOnes}` : username}
          {userId === party.hostId && <span className="muted"> (host)</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * One party at a glance: when, where, who hosts, what is cooking, how many
 * seats are left and who is coming — with an "RSVP" button when `rsvp` says
 * where to come back to.
 */
export function PartyCard({
  party,
  viewerId,
  viewer,
  rsvp,
  now = new Date(),
}: {
  party: Party;
  viewerId: string;
  viewer: Viewer;
  rsvp?: { returnTo: string };
  now?: Date;
}) {
  const titleId = `party-${party.id}-title`;
  const hosting = party.hostId === viewerId;
  const going = !hosting && party.mine?.response === "going";
  const waiting = party.mine?.response === "waitlisted";
  // The card says where the viewer stands before they press anything. The
  // RSVP button itself stays on every card of /rsvp: the contract's RSVP page
  // has one on each party, and "You have already RSVP'd…" is its answer.
  const closed = !hosting && !going && !waiting && party.rsvpBy !== null && party.rsvpBy <= now;
  // The party's one name everywhere (lib/parties/data.ts partyTitle): its
  // title, else "Dinner at {venue}" — or "{host}'s dinner party" when the
  // venue is hidden from this viewer.
  const heading = party.title;
  return (
    <article className="party-card" aria-labelledby={titleId}>
      <div className="party-card-top">
        <p className="party-date">
          <PartyDate date={party.startsAt} viewer={viewer} />
        </p>
        <SeatsBadge party={party} seated={hosting || going} />
      </div>
      <h3 id={titleId} className="party-title">
        <Link href={`/parties/${party.id}`}>{heading}</Link>
      </h3>
      <dl className="party-facts">
        <div>
          <dt>Venue</dt>
          <dd>{party.venue ?? <span className="muted">{VENUE_HIDDEN}</span>}</dd>
        </div>
        <div>
          <dt>Host</dt>
          <dd>{party.host.username}</dd>
        </div>
        <div>
          <dt>Main dish</dt>
          <dd>{party.mainDish}</dd>
        </div>
        <div>
          <dt>Seats left</dt>
          <dd>
            {party.seatsLeft} of {party.seats}
          </dd>
        </div>
        {party.visibility === "listed" && (
          <div>
            <dt>Party ID</dt>
            <dd>{party.id}</dd>
          </div>
        )}
      </dl>
      <AnswerCounts party={party} />
      <div className="party-guests">
        <span className="party-guests-label">Guests:</span> <GuestList party={party} />
      </div>
      {(rsvp || hosting || going || waiting || closed) && (
        <div className="party-card-actions">
          {hosting && <span className="badge badge-you">You are hosting</span>}
          {going && <span className="badge badge-you">You are going</span>}
          {waiting && <span className="badge badge-you">You are on the waitlist</span>}
          {closed && <span className="badge badge-few">RSVPs closed</span>}
          {rsvp && <RsvpButton partyId={party.id} returnTo={rsvp.returnTo} describedBy={titleId} />}
        </div>
      )}
    </article>
  );
}

export async function PartyList({
  parties,
  viewerId,
  rsvp,
  label,
}: {
  parties: Party[];
  viewerId: string;
  rsvp?: { returnTo: string };
  label: string;
}) {
  const viewer = await getViewer();
  return (
    <ul className="party-list" aria-label={label}>
      {parties.map((party) => (
        <li key={party.id}>
          <PartyCard party={party} viewerId={viewerId} viewer={viewer} rsvp={rsvp} />
        </li>
      ))}
    </ul>
  );
}
