import Link from "next/link";
import { getCurrentUser } from "@/auth";
import { PageHeader } from "@/components/page-header";

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
  return (
    <>
      <PageHeader title={`Welcome back ${user.username}`} />
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming parties</h2>
        <p className="empty">
          No upcoming parties yet. <Link href={`/user/${user.username}`}>Host one from your profile</Link>.
        </p>
      </section>
    </>
  );
}
