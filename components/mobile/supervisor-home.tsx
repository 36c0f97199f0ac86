"use client";
// The supervisor's phone home: the open alerts as big tappable cards, kept
// live over Socket.IO (and reloaded after every connect), with the switch
// for push notifications on this phone.
import Link from "next/link";
import { useMemo } from "react";
import type { AlertListItemDto } from "@/server/contracts/alert-api";
import type { OpenAlert } from "../noc/open-alerts";
import { useOpenAlerts } from "../noc/use-open-alerts";
import { ConnectionStatus } from "../realtime/connection-status";
import { useLiveEvents } from "../realtime/use-live-events";
import { ClockTime } from "../ui/clock-time";
import { severityThenNewest } from "./my-alerts";
import { PushOptIn } from "./push-opt-in";

type Props = { initial: AlertListItemDto[]; email: string; signOut: () => Promise<void> };

function AlertCard({ alert }: { alert: OpenAlert }) {
  return (
    <li>
      <Link className="mobile-card mobile-alert-link" href={`/m/alerts/${alert.id}`}>
        <span className="mobile-severity" data-severity={alert.severity}>
          {alert.severity}
        </span>
        <span className="mobile-alert-status" data-status={alert.status}>
          {alert.status === "NEW" ? "Not acknowledged" : "Acknowledged"}
        </span>
        <strong>
          {alert.type.toUpperCase()}: {alert.sourceName}
        </strong>
        <span className="muted">
          {alert.sourceExternalId} · <ClockTime iso={alert.firstSeenAt} />
          {alert.count > 1 ? ` · ${alert.count} times` : ""}
        </span>
        {alert.message && <span>{alert.message}</span>}
      </Link>
    </li>
  );
}

export function SupervisorHome({ initial, email, signOut }: Props) {
  const { alerts, apply, reload } = useOpenAlerts(initial);
  const connection = useLiveEvents({ "alerts:changed": apply, onConnect: reload });
  const ordered = useMemo(() => severityThenNewest(alerts), [alerts]);
  return (
    <main className="mobile">
      <header className="mobile-header">
        <h1>My open alerts</h1>
        <ConnectionStatus state={connection} />
      </header>
      {ordered.length === 0 ? (
        <section className="mobile-card">
          <p>No open alerts. New ones appear here as they happen.</p>
        </section>
      ) : (
        <ul className="mobile-alert-list" aria-label="Open alerts">
          {ordered.map((alert) => (
            <AlertCard key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
      <PushOptIn />
      <form action={signOut} className="mobile-footer">
        <span className="muted">{email}</span>
        <button className="btn-ghost" type="submit">
          Sign out
        </button>
      </form>
    </main>
  );
}
