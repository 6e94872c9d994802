import Link from "next/link";
import { PendingButton } from "@/components/forms/pending-button";
import { startSetupAction } from "@/lib/two-factor/actions";
import { DisableTwoFactorForm } from "./disable-form";

/** "Set up two-factor authentication": a plain form; a refusal's flash goes back to `returnTo`. */
export function SetUpButton({ returnTo }: { returnTo: string }) {
  return (
    <form action={startSetupAction}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <PendingButton>Set up two-factor authentication</PendingButton>
    </form>
  );
}

/** /settings "Two-factor authentication": set it up, or — while on — new recovery codes and "Turn off". */
export function TwoFactorSettings({ enabled, codesLeft }: { enabled: boolean; codesLeft: number }) {
  if (!enabled) {
    return (
      <>
        <p>
          With two-factor authentication, logging in takes your password and a code from an authenticator app on your
          phone, so a stolen password alone does not open your account.
        </p>
        <SetUpButton returnTo="/settings" />
      </>
    );
  }
  return (
    <>
      <p>
        <strong>On.</strong> Logging in asks for a code from your authenticator app.{" "}
        {codesLeft === 1 ? "1 recovery code left" : `${codesLeft} recovery codes left`} —{" "}
        <Link href="/settings/two-factor">New recovery codes</Link>.
      </p>
      <h3 id="two-factor-off-heading">Turn off</h3>
      <DisableTwoFactorForm />
    </>
  );
}
