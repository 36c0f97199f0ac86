"use client";
// "Enrol a phone" on a guard's page (admins): registers a guard-phone device
// for the guard app and shows the one-time code the guard scans with the
// phone's camera (or opens as a link on the phone), valid 15 minutes. The
// code carries only the enrolment token; the phone gets its login by
// redeeming it. Revoking or deleting the device on its page ends access.
import Link from "next/link";
import { useState } from "react";
import type { PhoneEnrolmentDto } from "@/server/contracts/guard-app";
import { apiRequest } from "../ui/api-request";
import { QrCode } from "../ui/onboarding-codes";

export function EnrolPhonePanel({ guardExternalId }: { guardExternalId: string }) {
  const [enrolment, setEnrolment] = useState<(PhoneEnrolmentDto & { url: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const enrol = async () => {
    setBusy(true);
    setError(null);
    const result = await apiRequest<PhoneEnrolmentDto>(
      `/api/v1/guards/${encodeURIComponent(guardExternalId)}/phone-enrolments`,
      { method: "POST" },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setEnrolment({ ...result.data, url: `${location.origin}${result.data.enrolPath}` });
  };

  return (
    <section className="panel" aria-label="Guard app">
      <h2>Guard app</h2>
      {enrolment ? (
        <div className="onboarding-code">
          <QrCode text={enrolment.url} label="QR code that enrols a phone in the guard app" />
          <p className="muted">
            Scan it with the guard&apos;s phone camera, or open{" "}
            <a href={enrolment.url} data-testid="enrol-link">
              this link
            </a>{" "}
            on the phone. It works once, until{" "}
            {new Date(enrolment.expiresAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}. The phone
            becomes device{" "}
            <Link href={`/devices/${encodeURIComponent(enrolment.deviceExternalId)}`}>
              {enrolment.deviceExternalId}
            </Link>
            : revoke or delete it there to take the phone&apos;s access away.
          </p>
          <button type="button" className="btn-ghost" onClick={() => setEnrolment(null)}>
            Done
          </button>
        </div>
      ) : (
        <>
          <p className="muted">
            The guard app (/g) reports the guard&apos;s position, scans and check-ins from a phone&apos;s browser.
          </p>
          <button type="button" className="btn" onClick={enrol} disabled={busy}>
            Enrol a phone
          </button>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
