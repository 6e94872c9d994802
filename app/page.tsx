import type { Metadata } from "next";
import Link from "next/link";
import { ProgressiveSuspense } from "@/components/progressive-suspense";
import { getCurrentUser } from "@/lib/auth/loaders";
import { PageHeader } from "@/components/page-header";
import { PartyList } from "@/components/parties/party-card";
import { PartyListSkeleton } from "@/components/parties/party-list-skeleton";
import type { SessionUser } from "@/lib/sessions/session-token";
import { listAttending, listUpcoming } from "@/lib/parties/data";

// The root segment is not templated by its own layout: spell the title out.
export const metadata: Metadata = { title: { absolute: "Home · DinnerParty" } };

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <PageHeader title="Dinner with friends, without the group chat">
          <p className="lead">
            Host a dinner party in a minute, share its Party ID, and see who is coming — never more guests than seats at
            your table.
          </p>
        </PageHeader>
        <p className="actions">
          <Link href="/register" className="button button-primary">
            Get started
          </Link>
          <Link href="/login" className="button">
            I have an account
          </Link>
        </p>
        <ul className="features">
          <li>
            <strong>Host in a minute.</strong> Date, venue, main dish, seats — done.
          </li>
          <li>
            <strong>Never overbooked.</strong> The last seat goes to exactly one guest.
          </li>
          <li>
            <strong>Works everywhere.</strong> On your phone, your laptop, even without JavaScript.
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Welcome back ${user.username}`} />
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your upcoming parties</h2>
        <ProgressiveSuspense fallback={<PartyListSkeleton label="Your upcoming parties" count={2} />}>
          <YourParties user={user} />
        </ProgressiveSuspense>
      </section>
      <section aria-labelledby="soon-heading">
        <h2 id="soon-heading">Coming up</h2>
        <ProgressiveSuspense fallback={<PartyListSkeleton label="Coming up" />}>
          <ComingUp user={user} />
        </ProgressiveSuspense>
      </section>
    </>
  );
}

async function YourParties({ user }: { user: SessionUser }) {
  const mine = await listAttending(user.id);
  if (mine.length === 0) {
    return (
      <p className="empty">
        Nothing planned yet. <Link href="/rsvp">Find a table</Link> or{" "}
        <Link href={`/user/${user.username}`}>host your own party</Link>.
      </p>
    );
  }
  return <PartyList parties={mine} viewerId={user.id} label="Your upcoming parties" />;
}

async function ComingUp({ user }: { user: SessionUser }) {
  const soon = await listUpcoming({ limit: 6, viewerId: user.id });
  if (soon.parties.length === 0) return <p className="empty">No upcoming parties yet — be the first to host one.</p>;
  return (
    <>
      <PartyList parties={soon.parties} viewerId={user.id} label="Coming up" />
      <p>
        <Link href="/rsvp">See all upcoming parties</Link>
      </p>
    </>
  );
}
