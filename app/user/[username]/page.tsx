import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/auth";
import { PageHeader } from "@/components/page-header";
import { PartyList } from "@/components/parties/party-card";
import { PartyForm } from "@/components/parties/party-form";
import { listHostedBy } from "@/lib/parties/data";
import { utcToLocalInput } from "@/lib/time";
import { getProfile } from "@/lib/users/data";
import { getViewer } from "@/lib/viewer";

export async function generateMetadata({ params }: PageProps<"/user/[username]">): Promise<Metadata> {
  const { username } = await params;
  return { title: decodeURIComponent(username).toLowerCase() };
}

export default async function ProfilePage({ params }: PageProps<"/user/[username]">) {
  const { username: raw } = await params;
  const username = decodeURIComponent(raw);
  const viewer = await requireUser(`/user/${raw}`);
  const profile = await getProfile(username);
  if (!profile) notFound();
  // One address per profile: /user/Alice → /user/alice.
  if (profile.username !== username) redirect(`/user/${profile.username}`);
  const own = profile.id === viewer.id;
  const [{ upcoming, past }, { timeZone }] = await Promise.all([listHostedBy(profile.id), getViewer()]);
  const heading = `Parties hosted by ${profile.username}`;

  return (
    <>
      <PageHeader title={profile.username}>
        {own && (
          <p>
            <Link href="/settings">Account settings</Link>
          </p>
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
        <PartyList parties={upcoming} viewerId={viewer.id} label={heading} />
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
            <PartyList parties={past} viewerId={viewer.id} label={`Earlier parties hosted by ${profile.username}`} />
          </details>
        )}
      </section>
    </>
  );
}
