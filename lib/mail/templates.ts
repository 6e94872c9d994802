import "server-only";
import type { NewMail } from "./mutations";

// One template per kind of mail, each giving the plain-text and the HTML part
// from the same words: the app's name, a clear subject, a button-like link,
// no external images (nothing is loaded from anywhere when the mail opens).

const APP = "DinnerParty";

type Body = {
  /** the first line, a greeting or the news */
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** small print: why they got it, how to stop it */
  footer?: string[];
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const WRAP = "overflow-wrap:anywhere;word-break:break-word";

/** The two parts of a mail from one body. */
export function renderMail({ heading, paragraphs, action, footer = [] }: Body): { text: string; html: string } {
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    "—",
    APP,
    ...footer,
  ].join("\n");
  // Addresses are long words: they break anywhere rather than widen a phone's screen.
  const p = (s: string) => `<p style="margin:0 0 16px;${WRAP}">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:24px;background:#faf7f2;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f1a14;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<p style="margin:0 0 16px;font-weight:700;color:#9a3412">${APP}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>
${paragraphs.map(p).join("\n")}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#9a3412;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>\n<p style="margin:0 0 16px;font-size:14px;color:#6b5f53;${WRAP}">Or open this address: ${escapeHtml(action.url)}</p>` : ""}
${footer.map((f) => `<p style="margin:16px 0 0;font-size:13px;color:#6b5f53;${WRAP}">${escapeHtml(f)}</p>`).join("\n")}
</div></body></html>`;
  return { text, html };
}

/** "Reset your password": the link, its 30 minutes, and what to do if it was not them. Never suppressed. */
export function passwordResetMail(to: string, url: string): NewMail {
  return {
    kind: "password-reset",
    to,
    subject: `Reset your ${APP} password`,
    ...renderMail({
      heading: "Reset your password",
      paragraphs: [
        "Someone — hopefully you — asked to reset the password of your DinnerParty account.",
        "The link works once, for 30 minutes. Using it logs you out everywhere.",
      ],
      action: { label: "Choose a new password", url },
      footer: ["If you did not ask for this, ignore this mail: your password stays as it is."],
    }),
  };
}

/** "Confirm your email": for a new account, or the new address of "Change email". */
export function confirmEmailMail(to: string, url: string, change: boolean): NewMail {
  return {
    kind: "confirm-email",
    to,
    subject: change ? `Confirm your new ${APP} email address` : `Confirm your ${APP} email address`,
    ...renderMail({
      heading: "Confirm your email address",
      paragraphs: [
        change
          ? "You asked to use this address for your DinnerParty account. It takes effect once you confirm it."
          : "Welcome to DinnerParty! Please confirm that this address is yours, so that we can reach you.",
        "The link works for 24 hours.",
      ],
      action: { label: "Confirm my email address", url },
      footer: ["If you did not ask for this, ignore this mail."],
    }),
  };
}

/** To the old address when "Change email" is asked for: the change waits for the new one's confirmation. */
export function emailChangeNoticeMail(to: string, newAddress: string): NewMail {
  return {
    kind: "email-change-notice",
    to,
    subject: `Your ${APP} email address is being changed`,
    ...renderMail({
      heading: "Your email address is being changed",
      paragraphs: [
        `Someone signed in to your DinnerParty account asked to use ${newAddress} instead of this address.`,
        "Nothing changes until the new address is confirmed.",
      ],
      footer: ["If this was not you, change your password now: it also ends every other session."],
    }),
  };
}
