import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { CopyButton } from "@/components/forms/copy-button";
import { PageHeader } from "@/components/page-header";
import { EnableTwoFactorForm, RenewRecoveryCodesForm } from "@/components/two-factor/enable-form";
import { SetUpButton } from "@/components/two-factor/two-factor-settings";
import { requireUser } from "@/lib/auth/loaders";
import { groupedSecret, otpauthUri } from "@/lib/two-factor/codes";
import { getPendingSetup, getTwoFactorEnabled } from "@/lib/two-factor/loaders";

export const metadata: Metadata = { title: "Two-factor authentication" };

/**
 * Setting up two-factor authentication (the secret the set-up button sealed
 * in its cookie: a QR code drawn here as SVG, no request anywhere, and the
 * secret as text), or — while it is on — new recovery codes.
 */
export default async function TwoFactorPage() {
  const user = await requireUser("/settings/two-factor");
  const [enabled, secret] = await Promise.all([getTwoFactorEnabled(user.id), getPendingSetup()]);
  return (
    <div className="narrow-section">
      <PageHeader title="Two-factor authentication" />
      <EnableTwoFactorForm
        before={secret ? <Setup secret={secret} username={user.username} /> : undefined}
        instead={
          enabled ? (
            <section aria-labelledby="recovery-heading">
              <h2 id="recovery-heading">New recovery codes</h2>
              <p>Ten new codes replace all of your old ones, used or not. Enter a code from your app to make them.</p>
              <RenewRecoveryCodesForm />
            </section>
          ) : secret ? undefined : (
            <SetUpButton returnTo="/settings/two-factor" />
          )
        }
      />
      <p className="aside">
        <Link href="/settings">Back to account settings</Link>
      </p>
    </div>
  );
}

async function Setup({ secret, username }: { secret: string; username: string }) {
  const svg = await QRCode.toString(otpauthUri(secret, username), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return (
    <>
      <section aria-labelledby="two-factor-scan-heading">
        <h2 id="two-factor-scan-heading">1. Scan the code with your authenticator app</h2>
        {/* Drawn on the server by qrcode: paths only, no script, no style. */}
        <div
          className="qr-code"
          role="img"
          aria-label="QR code for your authenticator app"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <div className="field">
          <label htmlFor="two-factor-secret">Set-up key</label>
          <p id="two-factor-secret-hint" className="field-hint">
            Or type this key into the app (time-based, 6 digits).
          </p>
          {/* A text area, not an input: the key wraps at 390 px rather than scroll out of sight. */}
          <textarea
            id="two-factor-secret"
            className="two-factor-secret"
            readOnly
            rows={2}
            spellCheck={false}
            value={groupedSecret(secret)}
            aria-describedby="two-factor-secret-hint"
          />
        </div>
        <CopyButton text={secret} fieldId="two-factor-secret" what="key" />
      </section>
      <h2 id="two-factor-confirm-heading">2. Enter the code it shows</h2>
    </>
  );
}
