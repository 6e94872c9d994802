import { cancelLoginStepAction, verifyCodeAction } from "@/lib/auth/actions";

/**
 * The second step of /login with two-factor on: "Code" + "Verify". Plain
 * forms with plain buttons — no script of their own, so the login page stays
 * within its budget — answered by a flash message ("Incorrect code") or the
 * page the person was going to.
 */
export function TwoFactorStepForm({ callbackUrl }: { callbackUrl?: string }) {
  return (
    <>
      <form action={verifyCodeAction} className="form" aria-label="Two-factor code">
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        <div className="field">
          <label htmlFor="field-code">Code</label>
          <p id="field-code-hint" className="field-hint">
            The six digits your authenticator app shows for DinnerParty, or one of your recovery codes.
          </p>
          <input
            id="field-code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={40}
            aria-describedby="field-code-hint"
          />
        </div>
        <button type="submit" className="button button-primary">
          Verify
        </button>
      </form>
      <form action={cancelLoginStepAction}>
        <button type="submit" className="button">
          Log in as someone else
        </button>
      </form>
    </>
  );
}
