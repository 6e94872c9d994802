import type { GuestListEntry, Party } from "@/lib/parties/data";
import { RemoveGuestButton } from "./remove-guest-button";

/** "3 going · 1 maybe · 2 can't go · 1 on the waitlist": people, the host included. */
export function HostCounts({ party }: { party: Party }) {
  const { going, maybe, declined, waitlisted } = party.counts;
  return (
    <p className="party-counts">{`${going} going · ${maybe} maybe · ${declined} can't go · ${waitlisted} on the waitlist`}</p>
  );
}

const GROUPS = [
  { response: "going", title: "Going" },
  { response: "maybe", title: "Maybe" },
  { response: "declined", title: "Can't go" },
  { response: "waitlisted", title: "Waitlist" },
] as const;

/**
 * The host's guest list of /parties/{id}: everyone who answered, by answer,
 * with plus-ones ("ana +2"), notes and waitlist places, and "Remove" beside
 * each guest. `guests` comes from listGuests (the host's alone).
 */
export function HostGuestList({ party, guests }: { party: Party; guests: GuestListEntry[] }) {
  const host = party.host.username;
  return (
    <div className="host-guests">
      {GROUPS.map(({ response, title }) => {
        const group = guests.filter((g) => g.response === response);
        if (group.length === 0 && response !== "going") return null;
        const headingId = `guests-${response}-heading`;
        const List = response === "waitlisted" ? "ol" : "ul";
        return (
          <section key={response} aria-labelledby={headingId} className="guest-group">
            <h3 id={headingId}>
              {title} <span className="muted">({group.length})</span>
            </h3>
            <List className="guest-rows" aria-labelledby={headingId}>
              {group.map((g) => (
                <li key={g.username} className="guest-row">
                  <div className="guest-row-main">
                    <span className="guest-name">
                      {response === "waitlisted" && <span className="guest-position">{`${g.position}.`}</span>}
                      {g.plusOnes > 0 ? `${g.username} +${g.plusOnes}` : g.username}
                      {g.username === host && <span className="muted"> (host)</span>}
                    </span>
                    {g.note && (
                      <p className="guest-note">
                        <span className="visually-hidden">Note: </span>
                        {g.note}
                      </p>
                    )}
                  </div>
                  {g.username !== host && <RemoveGuestButton partyId={party.id} username={g.username} />}
                </li>
              ))}
            </List>
          </section>
        );
      })}
    </div>
  );
}
