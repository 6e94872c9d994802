import Link from "next/link";
import { getCurrentUser } from "@/auth";
import { PageHeader } from "@/components/page-header";
import { PartyList } from "@/components/parties/party-card";
import { listAttending, listUpcoming } from "@/lib/parties/data";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <PageHeader title="Dinner with friends, without the group chat">
          <p className="lead">
            Host a dinner party in a minute, share its Party ID, and see who is coming — never more guests than
            seats at your table.
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
      </>
    );
  }
  const [mine, soon] = await Promise.all([listAttending(user.id), listUpcoming({ limit: 6 })]);
  return (
    <>
      <PageHeader title={`Welcome back ${user.username}`} />
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your upcoming parties</h2>
        {mine.length > 0 ? (
          <PartyList parties={mine} viewerId={user.id} label="Your upcoming parties" />
        ) : (
          <p className="empty">
            Nothing planned yet. <Link href="/rsvp">Find a table</Link> or{" "}
            <Link href={`/user/${user.username}`}>host your own party</Link>.
          </p>
        )}
      </section>
      <section aria-labelledby="soon-heading">
        <h2 id="soon-heading">Coming up</h2>
        {soon.parties.length > 0 ? (
          <>
            <PartyList parties={soon.parties} viewerId={user.id} label="Coming up" />
            <p>
              <Link href="/rsvp">See all upcoming parties</Link>
            </p>
          </>
        ) : (
          <p className="empty">No upcoming parties yet — be the first to host one.</p>
        )}
      </section>
    </>
  );
}
