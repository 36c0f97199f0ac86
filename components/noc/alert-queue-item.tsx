"use client";
// One open alert in the queue: what, from whom, since when, its state, and
// the operator's actions (claim, acknowledge, resolve with an outcome).
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { UserRole } from "@/server/contracts/api";
import { RelativeTime } from "../ui/relative-time";
import { ClockTime } from "../ui/clock-time";
import type { OpenAlert } from "./open-alerts";
import { AlertActionButtons } from "./alert-action-buttons";
import { ResolveForm } from "./resolve-form";
import { useAlertAction } from "./use-alert-action";

export type Operator = { userId: string; email: string; role: UserRole };

type Props = {
  alert: OpenAlert;
  operator: Operator;
  apply: (alerts: OpenAlert[]) => void;
  /** Centre the NOC map on the alert (absent for alerts without a location). */
  onShowOnMap?: () => void;
  /** The keyboard's current alert (j/k move it). */
  selected?: boolean;
};

function claimText(claimedBy: string | null | undefined, email: string): string | null {
  if (!claimedBy) return null;
  return claimedBy === email ? "Claimed by you" : `Claimed by ${claimedBy}`;
}

export function AlertQueueItem({ alert, operator, apply, onShowOnMap, selected = false }: Props) {
  const { run, pending, error } = useAlertAction(alert.id, apply);
  const [resolving, setResolving] = useState(false);
  const canClaim = (operator.role === "admin" || operator.role === "operator") && !alert.claimedBy;
  const canAct = operator.role !== "manager";
  const claimed = claimText(alert.claimedBy, operator.email);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  return (
    <li
      ref={item}
      className="queue-item"
      data-alert={alert.id}
      data-severity={alert.severity}
      data-status={alert.status}
      data-selected={selected || undefined}
      aria-current={selected || undefined}
    >
      <div className="queue-head">
        <Link className="queue-type" href={`/alerts/${alert.id}`} title="Open the alert's page">
          {alert.type.toUpperCase()}
        </Link>
        <span className="badge" data-tone={alert.status === "NEW" ? "danger" : "warn"}>
          {alert.status === "NEW" ? "New" : "Acknowledged"}
        </span>
        <span className="queue-severity">{alert.severity}</span>
      </div>
      <div className="queue-source">
        {alert.sourceName || alert.sourceExternalId} <span className="muted">({alert.sourceExternalId})</span>
      </div>
      <div className="queue-meta muted">
        <ClockTime iso={alert.firstSeenAt} /> · <RelativeTime iso={alert.firstSeenAt} />
        {alert.count > 1 ? ` · ${alert.count} times` : ""}
        {alert.lat === null ? " · no location" : ""}
      </div>
      {alert.message && <div className="queue-message">{alert.message}</div>}
      {typeof alert.falseAlarmScore === "number" && (
        <div className="queue-score muted" data-score={alert.falseAlarmScore}>
          likely false alarm: {Math.round(alert.falseAlarmScore * 100)}%
        </div>
      )}
      {claimed && <div className="queue-claim">{claimed}</div>}
      {error && (
        <p className="error queue-error" role="alert">
          {error}
        </p>
      )}
      {canAct && !resolving && (
        <AlertActionButtons
          status={alert.status}
          canClaim={canClaim}
          pending={pending}
          small
          onRun={(command) => void run(command)}
          onResolve={() => setResolving(true)}
        />
      )}
      {onShowOnMap && (
        <button type="button" className="btn-ghost btn-small queue-map" onClick={onShowOnMap}>
          Show on map
        </button>
      )}
      {resolving && (
        <ResolveForm
          alertId={alert.id}
          pending={pending === "resolve"}
          onResolve={(input) => void run({ kind: "resolve", ...input })}
          onCancel={() => setResolving(false)}
        />
      )}
    </li>
  );
}
