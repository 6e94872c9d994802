import type { Metadata } from "next";
import Link from "next/link";
import { ProgressiveSuspense } from "@/components/progressive-suspense";
import { requireUser } from "@/lib/auth/loaders";
import { PageHeader } from "@/components/page-header";
import { PartyList } from "@/components/parties/party-card";
import { PartyIdForm } from "@/components/parties/party-id-form";
import { PartyListSkeleton } from "@/components/parties/party-list-skeleton";
import type { SessionUser } from "@/lib/sessions/session-token";
import { decodeCursor, listUpcoming, type Cursor } from "@/lib/parties/data";

export const metadata: Metadata = { title: "RSVP" };

export default async function RsvpPage({ searchParams }: PageProps<"/rsvp">) {
  const { after } = await searchParams;
  const here = typeof after === "string" ? `/rsvp?after=${encodeURIComponent(after)}` : "/rsvp";
  const user = await requireUser(here);
  const cursor = typeof after === "string" ? decodeCursor(after) : null;

  return (
    <>
      <PageHeader title="Upcoming dinner parties">
        <p className="lead">Pick a table and RSVP — or use the Party ID from an invitation.</p>
      </PageHeader>
      <PartyIdForm returnTo={here} />
      <section aria-labelledby="all-parties-heading">
        <h2 id="all-parties-heading">{cursor ? "More parties" : "All upcoming parties"}</h2>
        <ProgressiveSuspense fallback={<PartyListSkeleton label="Upcoming dinner parties" />}>
          <UpcomingParties user={user} cursor={cursor} here={here} />
        </ProgressiveSuspense>
      </section>
    </>
  );
}

async function UpcomingParties({ user, cursor, here }: { user: SessionUser; cursor: Cursor | null; here: string }) {
  const { parties, nextCursor } = await listUpcoming({ cursor, viewerId: user.id });
  return (
    <>
      {parties.length > 0 ? (
        <PartyList parties={parties} viewerId={user.id} rsvp={{ returnTo: here }} label="Upcoming dinner parties" />
      ) : (
        <p className="empty">
          No upcoming parties {cursor ? "after these" : "yet"}.{" "}
          <Link href={`/user/${user.username}`}>Host the first one from your profile</Link>.
        </p>
      )}
      <nav className="pager" aria-label="More parties">
        {cursor && <Link href="/rsvp">Back to the soonest parties</Link>}
        {nextCursor && (
          <Link href={`/rsvp?after=${encodeURIComponent(nextCursor)}`} rel="next">
            Later parties
          </Link>
        )}
      </nav>
    </>
  );
}
