import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { PendingButton } from "@/components/forms/pending-button";
import { getCurrentUser } from "@/lib/auth/loaders";
import { confirmEmailAction } from "@/lib/users/actions";
import { confirmationFor } from "@/lib/users/data";
import { CONFIRM_LINK_INVALID } from "@/lib/users/messages";

export const metadata: Metadata = { title: "Email confirmation", robots: { index: false } };

// The link of "Confirm your email". Opening it changes nothing — mail
// scanners open links before their owner does; the "Confirm" button does
// (lib/users/actions.ts confirmEmailAction), with or without JavaScript.
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const [pending, user] = await Promise.all([confirmationFor(token), getCurrentUser()]);
  return (
    <div className="narrow">
      <PageHeader title="Email confirmation" />
      {pending ? (
        <>
          <p>
            Confirm <strong>{pending.email}</strong> as the email address of your DinnerParty account?
          </p>
          <form action={confirmEmailAction}>
            <input type="hidden" name="token" value={token} />
            <PendingButton>Confirm</PendingButton>
          </form>
        </>
      ) : (
        <>
          <p className="notice notice-error" role="alert">
            {CONFIRM_LINK_INVALID}
          </p>
          <p>
            {user ? (
              <Link href={`/user/${user.username}`}>Back to your profile</Link>
            ) : (
              <Link href="/login">Log in</Link>
            )}
          </p>
        </>
      )}
    </div>
  );
}
