import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Only the host" };

// Rendered ahead of time as a fallback, like not-found.tsx: no flash here.
export default function Forbidden() {
  return (
    <div className="narrow">
      <header className="page-header">
        <h1>Only the host can do that</h1>
        <p className="lead">This page belongs to the host of the dinner party.</p>
      </header>
      <p>
        <Link href="/rsvp">See upcoming parties</Link>
      </p>
    </div>
  );
}
