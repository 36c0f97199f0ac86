"use client";
// A page that failed on the server or in the browser. The message says what
// the operator can do; the digest ties it to the server's log line.
import Link from "next/link";
import { useEffect } from "react";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="boundary">
      <section role="alert">
        <h1>This page could not be shown</h1>
        <p className="muted">
          Something failed while loading it: often the connection or the server restarting. Try again; alarms keep being
          received and notified meanwhile.
        </p>
        {error.digest && (
          <p className="muted">
            If it keeps failing, give your administrator this reference: <code>{error.digest}</code>
          </p>
        )}
        <div className="actions">
          <button className="btn" type="button" onClick={reset}>
            Try again
          </button>
          <Link className="btn-ghost" href="/">
            NOC map
          </Link>
        </div>
      </section>
    </main>
  );
}
