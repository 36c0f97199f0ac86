"use client";
// The supervisor's view of one alert on a phone: what, who, where, and below
// it the actions (one button from a signed link; acknowledge and resolve
// when signed in).
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { AlertDto } from "@/server/contracts/socket-events";
import { ClockTime } from "../ui/clock-time";

const PointMap = dynamic(() => import("../map/point-map").then((m) => m.PointMap), { ssr: false });

type MobileAlertSummary = AlertDto & { acknowledgedAt: string | null; resolvedAt: string | null };

type Props = {
  alert: MobileAlertSummary;
  contactName: string | null;
  tileUrl: string | null;
  children: ReactNode;
};

export function MobileAlert({ alert, contactName, tileUrl, children }: Props) {
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
      {children}
    </main>
  );
}
