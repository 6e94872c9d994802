import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/lib/auth/loaders";
import { CONFIRM_LINK_INVALID, EMAIL_CONFIRMED } from "@/lib/users/messages";
import { confirmEmail } from "@/lib/users/mutations";

export const metadata: Metadata = { title: "Email confirmation" };

// The link of "Confirm your email": opening it confirms the address (a mail
// link is a GET; the token is single use, so opening it twice says so).
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const [result, user] = await Promise.all([confirmEmail(token), getCurrentUser()]);
  const ok = result.status === "ok";
  return (
    <div className="narrow">
      <PageHeader title="Email confirmation" />
      <p className={`notice ${ok ? "notice-success" : "notice-error"}`}>
        {ok ? EMAIL_CONFIRMED : CONFIRM_LINK_INVALID}
      </p>
      <p>
        {user ? <Link href={`/user/${user.username}`}>Back to your profile</Link> : <Link href="/login">Log in</Link>}
      </p>
    </div>
  );
}
