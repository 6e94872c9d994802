"use client";

import Link from "next/link";

// Shown when a page fails. It never shows the error's text: that may carry
// database or stack details. The digest lets us find the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="narrow">
      <header className="page-header">
        <h1>Something went wrong</h1>
        <p className="lead">
          We could not show this page just now. Please try again in a moment.
          {error.digest && <span className="muted"> (Reference: {error.digest})</span>}
        </p>
      </header>
      <p className="actions">
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
