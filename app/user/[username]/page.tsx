import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/auth";
import { PageHeader } from "@/components/page-header";
import { getProfile } from "@/lib/users/data";

export async function generateMetadata({ params }: PageProps<"/user/[username]">): Promise<Metadata> {
  const { username } = await params;
  return { title: decodeURIComponent(username).toLowerCase() };
}

export default async function ProfilePage({ params }: PageProps<"/user/[username]">) {
  const { username: raw } = await params;
  const username = decodeURIComponent(raw);
  await requireUser(`/user/${raw}`);
  const profile = await getProfile(username);
  if (!profile) notFound();
  // One address per profile: /user/Alice → /user/alice.
  if (profile.username !== username) redirect(`/user/${profile.username}`);

  return (
    <>
      <PageHeader title={profile.username} />
      <section aria-labelledby="hosted-heading">
        <h2 id="hosted-heading">Parties hosted by {profile.username}</h2>
        <ul className="party-list" aria-labelledby="hosted-heading" />
        <p className="empty">No parties hosted yet.</p>
      </section>
    </>
  );
}
