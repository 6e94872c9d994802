import type { Metadata } from "next";
import Bowser from "bowser";
import { currentSessionToken, requireUser } from "@/lib/auth/loaders";
import { listSessions } from "@/lib/sessions/data";
import { MAX_SESSIONS_PER_ACCOUNT } from "@/lib/sessions/session-token";
import { PageHeader } from "@/components/page-header";
import { PendingButton } from "@/components/forms/pending-button";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { DietaryForm } from "@/components/settings/dietary-form";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { getMyDietaryProfile } from "@/lib/dietary/loaders";
import { TwoFactorSettings } from "@/components/two-factor/two-factor-settings";
import { getAccountEvents, getRecoveryCodesLeft, getTwoFactorEnabled } from "@/lib/two-factor/loaders";
import { EVENT_LABELS } from "@/lib/two-factor/messages";
import { getNotificationPreferences } from "@/lib/notifications/loaders";
import { logoutOtherSessionsAction } from "@/lib/users/actions";
import { PartyDate } from "@/components/parties/party-date";
import { getViewer } from "@/lib/viewer";
import { headers } from "next/headers";
import { resetFeedAction } from "@/lib/calendar/actions";
import { feedUrl } from "@/lib/calendar/api";
import { getFeedToken } from "@/lib/calendar/loaders";
import { appOrigin } from "@/lib/http/request";

export const metadata: Metadata = { title: "Account settings" };

function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const { browser, os, platform } = Bowser.parse(userAgent);
  const parts = [browser.name, os.name && `on ${os.name}`, platform.type && `(${platform.type})`].filter(Boolean);
  return parts.length ? parts.join(" ") : "Unknown browser";
}

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [sessions, viewer, feedToken, origin, prefs, dietary, twoFactor, codesLeft, events] = await Promise.all([
    currentSessionToken().then((token) => listSessions(user.id, token)),
    getViewer(),
    getFeedToken(user.id),
    headers().then(appOrigin),
    getNotificationPreferences(user.id),
    getMyDietaryProfile(user.id),
    getTwoFactorEnabled(user.id),
    getRecoveryCodesLeft(user.id),
    getAccountEvents(user.id),
  ]);
  const others = sessions.filter((s) => !s.current).length;

  return (
    <div className="narrow-section">
      <PageHeader title="Account settings">
        <p className="lead">
          Signed in as <strong>{user.username}</strong> ({user.email}).
        </p>
      </PageHeader>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm username={user.username} />
      </section>

      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-factor authentication</h2>
        <TwoFactorSettings enabled={twoFactor} codesLeft={codesLeft} />
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">Change email</h2>
        <ChangeEmailForm current={user.email} />
      </section>

      {prefs && (
        <section aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">Email notifications</h2>
          <NotificationPreferencesForm prefs={prefs} />
        </section>
      )}

      <section aria-labelledby="dietary-heading">
        <h2 id="dietary-heading">Dietary needs</h2>
        <DietaryForm profile={dietary} />
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Active sessions</h2>
        <ul className="session-list" aria-label="Active sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <strong>{describeBrowser(s.userAgent)}</strong>
              {s.current && <span className="badge badge-you">This browser</span>}
              <br />
              <span className="muted">
                Signed in <PartyDate date={s.createdAt} viewer={viewer} /> · last seen{" "}
                <PartyDate date={s.lastSeenAt} viewer={viewer} />
                {s.persistent ? " · remembered for 30 days" : ""}
              </span>
            </li>
          ))}
        </ul>
        <p className="muted">
          Up to {MAX_SESSIONS_PER_ACCOUNT} sessions at a time: logging in once more ends the oldest.
        </p>
        {events.length > 0 && (
          <>
            <h3 id="events-heading">Sign-in changes</h3>
            <ul className="session-list" aria-labelledby="events-heading">
              {events.map((e, i) => (
                <li key={i}>
                  {EVENT_LABELS[e.kind]}{" "}
                  <span className="muted">
                    · <PartyDate date={e.at} viewer={viewer} />
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        <form action={logoutOtherSessionsAction}>
          <input type="hidden" name="returnTo" value="/settings" />
          <PendingButton disabled={others === 0}>Log out of all other sessions</PendingButton>
        </form>
      </section>

      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">Calendar feed</h2>
        <div className="field">
          <label htmlFor="calendar-feed-url">Calendar feed address</label>
          <p id="calendar-feed-hint" className="field-hint">
            Subscribe to this private address in your calendar app to see the parties you host or are going or maybe to.
            Anyone with it can read that list: keep it to yourself, and reset it if it got out.
          </p>
          <input
            id="calendar-feed-url"
            type="url"
            readOnly
            value={feedToken ? feedUrl(origin, feedToken) : ""}
            aria-describedby="calendar-feed-hint"
          />
        </div>
        <form action={resetFeedAction}>
          <input type="hidden" name="returnTo" value="/settings" />
          <PendingButton>Reset feed link</PendingButton>
        </form>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
