// Runs once when a server process starts (Next.js calls register()).
//
// The server (server/) sits in front of Next.js and keeps a few seconds of
// rendered pages (server/page-cache.mjs). It is plain Node and cannot import
// the app's TypeScript, so the app hands it, through server/bridge.mjs, the
// one function it needs for signed-in pages: the session and content-version check.
//
// It also starts this process's mail sender (lib/mail/sender.ts), which the
// server stops on a graceful stop, and with it the reminders' scan. MAIL_SENDER=0 leaves the outbox to other
// processes or instances.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [
    { signedInPageStamp },
    { bridge },
    { config },
    { startMailSender },
    { configuredTransport },
    { queueReminders },
  ] = await Promise.all([
    import("@/lib/page-cache/stamp"),
    import("@/server/bridge.mjs"),
    import("@/server/shared.mjs"),
    import("@/lib/mail/sender"),
    import("@/lib/mail/transport"),
    import("@/lib/notifications/mutations"),
  ]);
  bridge().signedInPageStamp = signedInPageStamp;
  const { mailSender, reminderScanMs } = config();
  if (mailSender) {
    // The day-before reminders are looked for every minute (REMINDER_SCAN_MS for the tests).
    const sender = startMailSender({
      transport: configuredTransport(),
      periodic: { everyMs: reminderScanMs, run: () => queueReminders() },
    });
    bridge().stopMail = () => sender.stop();
  }
}
