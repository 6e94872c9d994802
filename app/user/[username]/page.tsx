import type { Metadata } from "next";
import Link from "next/link";
import { ProgressiveSuspense } from "@/components/progressive-suspense";
import { PartyListSkeleton } from "@/components/parties/party-list-skeleton";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/loaders";
import { PageHeader } from "@/components/page-header";
import { PartyList } from "@/components/parties/party-card";
import { PartyForm } from "@/components/parties/party-form";
import { decodeSegment } from "@/lib/http/route-params";
import { listHostedBy } from "@/lib/parties/data";
import { utcToLocalInput } from "@/lib/time";
import { PendingButton } from "@/components/forms/pending-button";
import { resendConfirmationAction } from "@/lib/users/actions";
import { emailConfirmed, getProfile } from "@/lib/users/data";
import { PLEASE_CONFIRM } from "@/lib/users/messages";
import { getViewer } from "@/lib/viewer";

export async function generateMetadata({ params }: PageProps<"/user/[username]">): Promise<Metadata> {
  const username = decodeSegment((await params).username);
  return { title: username === null ? "Page not found" : username.toLowerCase() };
}

export default async function ProfilePage({ params }: PageProps<"/user/[username]">) {
  const { username: raw } = await params;
  const viewer = await requireUser(`/user/${raw}`);
  const username = decodeSegment(raw);
  const profile = username === null ? null : await getProfile(username);
  if (!profile) notFound();
  // One address per profile: /user/Alice → /user/alice.
  if (profile.username !== username) redirect(`/user/${profile.username}`);
  const own = profile.id === viewer.id;
  const [{ timeZone }, confirmed] = await Promise.all([getViewer(), own ? emailConfirmed(viewer.id) : true]);
  const heading = `Parties hosted by ${profile.username}`;

  return (
    <>
      <PageHeader title={profile.username}>
        {own && (
          <p>
            <Link href="/settings">Account settings</Link>
          </p>
        )}
        {!confirmed && (
          // Not role="status": that is the flash message's.
          <div className="notice notice-info confirm-banner">
            <p>{PLEASE_CONFIRM}</p>
            <form action={resendConfirmationAction}>
              <input type="hidden" name="returnTo" value={`/user/${profile.username}`} />
              <PendingButton>Send the link again</PendingButton>
            </form>
          </div>
        )}
      </PageHeader>
      {own && (
        <section aria-labelledby="host-heading" className="narrow-section">
          <h2 id="host-heading">Host a dinner party</h2>
          <PartyForm serverTimeZone={timeZone} minDate={utcToLocalInput(new Date(), timeZone)} />
        </section>
      )}
      <section aria-labelledby="hosted-heading">
        <h2 id="hosted-heading">{heading}</h2>
        <ProgressiveSuspense fallback={<PartyListSkeleton label={heading} count={2} />}>
          <HostedParties profile={profile} viewerId={viewer.id} own={own} />
        </ProgressiveSuspense>
      </section>
    </>
  );
}

async function HostedParties({
  profile,
  viewerId,
  own,
}: {
  profile: { id: string; username: string };
  viewerId: string;
  own: boolean;
}) {
  const { upcoming, past } = await listHostedBy(profile.id, new Date(), viewerId);
  const heading = `Parties hosted by ${profile.username}`;
  return (
    <>
      <PartyList parties={upcoming} viewerId={viewerId} label={heading} />
      {upcoming.length === 0 && (
        <p className="empty">
          {own
            ? "You are not hosting any upcoming party yet. Fill in the form above: it takes a minute."
            : `${profile.username} is not hosting any upcoming party.`}
        </p>
      )}
      {past.length > 0 && (
        <details className="past-parties">
          <summary>Earlier parties ({past.length})</summary>
          <PartyList parties={past} viewerId={viewerId} label={`Earlier parties hosted by ${profile.username}`} />
        </details>
      )}
    </>
  );
}
