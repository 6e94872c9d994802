import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Rendered ahead of time as the fallback of every layout, so it must not
// consume the flash message (see components/flash-message.tsx).
export default function NotFound() {
  return (
    <div className="narrow">
      <header className="page-header">
        <h1>Page not found</h1>
        <p className="lead">There is no page at this address. It may have been moved, or the party may be over.</p>
      </header>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}
