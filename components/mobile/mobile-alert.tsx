"use client";
// The supervisor's view of one alert on a phone: what, who, where, and one
// big button to acknowledge.
import dynamic from "next/dynamic";
import { useActionState } from "react";
import type { MobileAckState } from "@/server/contracts/mobile";
import type { AlertDto } from "@/server/contracts/socket-events";
import { ClockTime } from "../ui/clock-time";

const PointMap = dynamic(() => import("../map/point-map").then((m) => m.PointMap), { ssr: false });

type Props = {
  alert: AlertDto & { acknowledgedAt: string | null; resolvedAt: string | null };
  contactName: string | null;
  tileUrl: string | null;
  acknowledge: () => Promise<MobileAckState>;
};

export function MobileAlert({ alert, contactName, tileUrl, acknowledge }: Props) {
  const [state, submit, pending] = useActionState<MobileAckState | null>(() => acknowledge(), null);
  const open = alert.status === "NEW" && !state?.ok;
  return (
    <main className="mobile">
      <section className="mobile-card">
        <span className="mobile-severity" data-severity={alert.severity}>
          {alert.severity}
        </span>
        <h1>
          {alert.type.toUpperCase()}: {alert.sourceName}
        </h1>
        <p className="muted">
          {alert.sourceExternalId} · raised <ClockTime iso={alert.firstSeenAt} />
          {alert.count > 1 ? ` · ${alert.count} times` : ""}
        </p>
        {alert.message && <p>{alert.message}</p>}
        {contactName && <p className="muted">For {contactName}</p>}
      </section>
      {alert.lat !== null && alert.lon !== null && (
        <div className="mobile-map" aria-label="Alert location">
          <PointMap lat={alert.lat} lon={alert.lon} tileUrl={tileUrl} />
        </div>
      )}
      <section className="mobile-card" aria-live="polite">
        {open ? (
          <form action={submit}>
            <button className="btn mobile-big" type="submit" disabled={pending}>
              {pending ? "Acknowledging…" : "Acknowledge"}
            </button>
          </form>
        ) : (
          <p className="mobile-done">
            {state?.ok ? (
              <>
                Acknowledged at <ClockTime iso={state.acknowledgedAt} />.
              </>
            ) : (
              `This alert is ${alert.status.toLowerCase()}.`
            )}
          </p>
        )}
        {state && !state.ok && (
          <p className="error" role="alert">
            {state.message}
          </p>
        )}
      </section>
    </main>
  );
}
