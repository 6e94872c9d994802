import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/loaders";
import { PageHeader } from "@/components/page-header";
import { AnswerForm } from "@/components/parties/answer-form";
import { HostCounts, HostGuestList } from "@/components/parties/host-guest-list";
import { AnswerCounts, GuestList, SeatsBadge } from "@/components/parties/party-card";
import { PartyDate } from "@/components/parties/party-date";
import { getViewer } from "@/lib/viewer";
import { DeletePartyButton } from "@/components/parties/delete-party-button";
import type { Party } from "@/lib/parties/data";
import { getGuestList, getParty } from "@/lib/parties/loaders";
import { VENUE_HIDDEN } from "@/lib/parties/messages";
import { parsePartyId } from "@/lib/parties/schema";
import { PartyDetails } from "@/components/parties/party-details";
import { InvitationLink } from "@/components/invitations/invitation-link";
import { headers } from "next/headers";
import { googleCalendarUrl } from "@/lib/calendar/api";
import { appOrigin } from "@/lib/http/request";
import { invitationUrl } from "@/lib/invitations/api";
import { getInvitationToken } from "@/lib/invitations/loaders";
import { HostMessageForm } from "@/components/parties/host-message-form";
import { HostMessages } from "@/components/parties/host-messages";
import { getHostMessages } from "@/lib/notifications/loaders";
import { MESSAGE_MAX } from "@/lib/notifications/schema";
import { DietarySummary } from "@/components/dietary/dietary-summary";
import { DishBoard } from "@/components/dishes/dish-board";
import { getPartyDietary } from "@/lib/dietary/loaders";
import { getDishBoard } from "@/lib/dishes/loaders";

export async function generateMetadata({ params }: PageProps<"/parties/[id]">): Promise<Metadata> {
  const id = parsePartyId((await params).id);
  const user = await getCurrentUser();
  const party = id && user ? await getParty(id, user.id) : null;
  return { title: party ? party.title : "Dinner party" };
}

export default async function PartyPage({ params }: PageProps<"/parties/[id]">) {
  const { id: raw } = await params;
  const here = `/parties/${raw}`;
  const user = await requireUser(here);
  const id = parsePartyId(raw);
  const party = id ? await getParty(id, user.id) : null;
  if (!party) notFound();
  const hosting = party.hostId === user.id;
  const [guests, inviteToken, viewer, origin, messages, board, dietary] = await Promise.all([
    hosting ? getGuestList(party.id, user.id) : null,
    hosting ? getInvitationToken(party.id, user.id) : null,
    getViewer(),
    headers().then(appOrigin),
    getHostMessages(party.id, user.id),
    getDishBoard(party.id, user.id),
    hosting ? getPartyDietary(party.id, user.id) : null,
  ]);

  return (
    <article className="party-page" aria-labelledby="party-heading">
      <PageHeader title={<span id="party-heading">{party.title}</span>} />
      <dl className="party-facts party-facts-large">
        <div>
          <dt>Host</dt>
          <dd>{party.host.username}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>
            <PartyDate date={party.startsAt} viewer={viewer} />
          </dd>
        </div>
        <div>
          <dt>Venue</dt>
          <dd>{party.venue ?? <span className="muted">{VENUE_HIDDEN}</span>}</dd>
        </div>
        <div>
          <dt>Main dish</dt>
          <dd>{party.mainDish}</dd>
        </div>
        <div>
          <dt>Seats</dt>
          <dd>
            {party.seatsTaken} of {party.seats} seats taken <SeatsBadge party={party} />
          </dd>
        </div>
        {party.visibility === "listed" ? (
          <div>
            <dt>Party ID</dt>
            <dd>{party.id}</dd>
          </div>
        ) : (
          // An invite-only party's ID lets in no one new: the host shares the link.
          hosting && (
            <div>
              <dt>Invite</dt>
              <dd>
                <a href="#invitation-link-heading">Share the invitation link</a>
              </dd>
            </div>
          )
        )}
        {party.plusOnesAllowed > 0 && (
          <div>
            <dt>Plus-ones</dt>
            <dd>{`Up to ${party.plusOnesAllowed} per guest`}</dd>
          </div>
        )}
        {party.rsvpBy && (
          <div>
            <dt>RSVP by</dt>
            <dd>
              <PartyDate date={party.rsvpBy} viewer={viewer} />
            </dd>
          </div>
        )}
      </dl>
      <PartyDetails text={party.details} />
      <p className="actions calendar-links">
        {/* Downloads and another site: plain links, not the client router. */}
        <a href={`/parties/${party.id}/calendar.ics`} download className="button">
          Add to calendar
        </a>
        <a href={googleCalendarUrl(party, origin)} className="button" rel="noopener noreferrer" target="_blank">
          Google Calendar
        </a>
      </p>
      {hosting && inviteToken && (
        <InvitationLink partyId={party.id} url={invitationUrl(origin, inviteToken)} title={party.title} />
      )}
      {!hosting && <AnswerForm party={party} returnTo={here} />}
      <HostMessages messages={messages} viewer={viewer} />
      <section aria-labelledby="guests-heading" className="guests-section">
        <h2 id="guests-heading">Guest list</h2>
        {hosting ? (
          <>
            <HostCounts party={party} />
            <p>
              {/* A download, not a page: a plain link (the client router would try to render it). */}
              <a href={`/parties/${party.id}/guests.csv`} download className="download-link">
                Download guest list (CSV)
              </a>
            </p>
            <HostGuestList party={party} guests={guests ?? []} />
          </>
        ) : (
          <GuestView party={party} />
        )}
      </section>
      {dietary && <DietarySummary dietary={dietary} guests={guests ?? []} />}
      {board && (
        <DishBoard partyId={party.id} board={board} hosting={hosting} going={party.mine?.response === "going"} />
      )}
      {hosting && (
        <section aria-labelledby="message-guests-heading">
          <h2 id="message-guests-heading">Message your guests</h2>
          <HostMessageForm partyId={party.id} max={MESSAGE_MAX} />
        </section>
      )}
      {hosting && (
        <div className="actions party-actions">
          <Link href={`/parties/${party.id}/edit`} className="button">
            Edit
          </Link>
          <DeletePartyButton partyId={party.id} />
        </div>
      )}
    </article>
  );
}

/** What a guest sees of the others: the going and maybe names, or only the counts when the host hides them. */
function GuestView({ party }: { party: Party }) {
  if (party.guestListHidden) {
    return (
      <>
        <AnswerCounts party={party} />
        <p className="muted">The host shares only the numbers, not the names.</p>
      </>
    );
  }
  return (
    <>
      <AnswerCounts party={party} />
      <h3 id="going-heading">Going</h3>
      <GuestList party={party} label="Guest list" />
      {party.maybe.length > 0 && (
        <>
          <h3 id="maybe-heading">Maybe</h3>
          <ul className="guest-list" aria-labelledby="maybe-heading">
            {party.maybe.map(({ userId, username }) => (
              <li key={userId}>{username}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
