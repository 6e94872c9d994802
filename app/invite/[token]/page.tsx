import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { PartyDate } from "@/components/parties/party-date";
import { getCurrentUser } from "@/lib/auth/loaders";
import { getInvitationPreview } from "@/lib/invitations/loaders";
import { goingCount, LOG_IN_TO_RSVP, REGISTER_TO_RSVP } from "@/lib/invitations/messages";
import { recordVisit } from "@/lib/invitations/mutations";
import { getViewer } from "@/lib/viewer";

// An invitation link. The token is the key to an invite-only party, so the
// page never sends it on (Referrer-Policy: no-referrer, here and in
// next.config.mjs) and the page cache never keeps it (server/page-cache.mjs
// keeps named pages only). A wrong or reset token is the app's 404.

export async function generateMetadata({ params }: PageProps<"/invite/[token]">): Promise<Metadata> {
  const preview = await getInvitationPreview((await params).token);
  return { title: preview ? preview.title : "Page not found", referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const user = await getCurrentUser();
  if (user) {
    // Logged in: from now on they may see the party; take them to it.
    const visit = await recordVisit(token, user.id);
    if (visit.status === "not_found") notFound();
    redirect(`/parties/${visit.partyId}`);
  }
  const preview = await getInvitationPreview(token);
  if (!preview) notFound();
  const back = encodeURIComponent(`/invite/${token}`);
  return (
    <article className="narrow invitation" aria-labelledby="invitation-heading">
      <PageHeader title={<span id="invitation-heading">{preview.title}</span>}>
        <p className="lead">{`${preview.host.username} invites you to a dinner party.`}</p>
      </PageHeader>
      <dl className="party-facts party-facts-large">
        <div>
          <dt>Host</dt>
          <dd>{preview.host.username}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>
            <PartyDate date={preview.startsAt} viewer={await getViewer()} />
          </dd>
        </div>
        {preview.venue !== null && (
          <div>
            <dt>Venue</dt>
            <dd>{preview.venue}</dd>
          </div>
        )}
        <div>
          <dt>Guests</dt>
          <dd>{goingCount(preview.going)}</dd>
        </div>
      </dl>
      <div className="actions">
        <Link href={`/login?callbackUrl=${back}`} className="button button-primary">
          {LOG_IN_TO_RSVP}
        </Link>
        <Link href={`/register?callbackUrl=${back}`} className="button">
          {REGISTER_TO_RSVP}
        </Link>
      </div>
    </article>
  );
}
