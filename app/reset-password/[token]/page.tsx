import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { PageHeader } from "@/components/page-header";
import { RESET_LINK_INVALID } from "@/lib/users/messages";
import { resetLinkWorks } from "@/lib/users/data";

// The token is a key: the site's Referrer-Policy (same-origin) never sends
// it to another site, and the page cache keeps named pages only. Not
// no-referrer: a browser then posts the form with "Origin: null", which the
// proxy refuses as cross-site.
export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const works = await resetLinkWorks(token);
  return (
    <div className="narrow">
      <PageHeader title="Choose a new password" />
      {works ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p className="notice notice-error" role="alert">
            {RESET_LINK_INVALID}
          </p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      )}
    </div>
  );
}
