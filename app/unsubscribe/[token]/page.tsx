import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { PendingButton } from "@/components/forms/pending-button";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { unsubscribeTarget } from "@/lib/notifications/data";
import { KIND_LABELS, UNSUBSCRIBE_LINK_INVALID } from "@/lib/notifications/messages";

// The footer link of every notification mail. Opening it changes nothing (a
// mail scanner that follows links must not unsubscribe anyone); the button
// does, without logging in. Mail apps' own "Unsubscribe" posts to
// /api/unsubscribe/{token} instead (RFC 8058 one-click).
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

export default async function UnsubscribePage({ params }: PageProps<"/unsubscribe/[token]">) {
  const { token } = await params;
  const target = await unsubscribeTarget(token);
  return (
    <div className="narrow">
      <PageHeader title="Unsubscribe" />
      {target ? (
        <>
          <p>
            {target.on
              ? `Stop the mails for “${KIND_LABELS[target.kind]}”? The other kinds of mail stay as they are.`
              : `The mails for “${KIND_LABELS[target.kind]}” are off.`}
          </p>
          {target.on && (
            <form action={unsubscribeAction}>
              <input type="hidden" name="token" value={token} />
              <PendingButton>Unsubscribe</PendingButton>
            </form>
          )}
          <p>
            <Link href="/settings">All your email notifications</Link>
          </p>
        </>
      ) : (
        <p className="notice notice-error" role="alert">
          {UNSUBSCRIBE_LINK_INVALID}
        </p>
      )}
    </div>
  );
}
