"use client";
// /g/enrol#<token>: the phone opened the link from the QR code on its guard's
// page. It trades the one-time token for the device login
// (POST /api/v1/phone-enrolments), keeps the login in this browser, takes the
// token out of the address bar and history, and opens the guard app.
import { useEffect, useState } from "react";
import type { EnrolledPhoneDto } from "@/server/contracts/guard-app";
import { saveLogin } from "./stored-login";

export function EnrolPhone() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const token = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, "", "/g/enrol");
    if (!token) {
      setError("This link has no enrolment code. Scan the QR code on your guard page again.");
      return;
    }
    fetch("/api/v1/phone-enrolments", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    })
      .then(async (response) => {
        if (!response.ok) {
          setError("This enrolment code is unknown, used or expired. Ask for a new one.");
          return;
        }
        saveLogin(localStorage, (await response.json()) as EnrolledPhoneDto);
        location.replace("/g");
      })
      .catch(() => setError("Vigil cannot be reached; check the connection and open the link again."));
  }, []);
  return (
    <main className="g-app">
      <section className="g-card" aria-label="Enrolment">
        <h1>Enrolling this phone</h1>
        {error ? <p role="alert">{error}</p> : <p className="muted">One moment…</p>}
      </section>
    </main>
  );
}
