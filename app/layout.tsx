import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { getViewer } from "@/lib/viewer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DinnerParty", template: "%s · DinnerParty" },
  description: "Host dinner parties and RSVP to your friends' tables.",
  applicationName: "DinnerParty",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#1c1917" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container main" tabIndex={-1}>
          {children}
        </main>
        <TimeZoneSync known={viewer.zoneKnown ? viewer.timeZone : null} />
        <footer className="site-footer">
          <div className="container">DinnerParty — good food, good company.</div>
        </footer>
      </body>
    </html>
  );
}
