"use client";
// Across the top of the NOC: one row per critical alert nobody has
// acknowledged yet, each with its own Acknowledge button, and the alarm's
// sound control. It disappears when the last one is acknowledged.
import Link from "next/link";
import type { OpenAlert } from "./open-alerts";
import { ClockTime } from "../ui/clock-time";
import { SoundToggle } from "./sound-toggle";
import type { Alarm } from "./use-alarm";
import { useAlertAction } from "./use-alert-action";

const MAX_ROWS = 4;

type Props = { alerts: OpenAlert[]; alarm: Alarm; apply: (alerts: OpenAlert[]) => void };

function BannerRow({ alert, apply }: { alert: OpenAlert; apply: Props["apply"] }) {
  const { run, pending, error } = useAlertAction(alert.id, apply);
  return (
    <li className="banner-row" data-alert={alert.id}>
      <span className="banner-type">{alert.type.toUpperCase()}</span>
      <span className="banner-source">
        {alert.sourceName || alert.sourceExternalId} <span className="banner-id">({alert.sourceExternalId})</span>
      </span>
      <span className="banner-time">
        <ClockTime iso={alert.firstSeenAt} />
        {alert.count > 1 ? ` · ×${alert.count}` : ""}
      </span>
      {alert.message && <span className="banner-message">“{alert.message}”</span>}
      <Link className="banner-link" href={`/alerts/${alert.id}`}>
        Details
      </Link>
      {error && (
        <span className="banner-error" role="alert">
          {error}
        </span>
      )}
      <button
        type="button"
        className="btn banner-ack"
        disabled={pending !== null}
        onClick={() => void run({ kind: "acknowledge" })}
      >
        {pending ? "Acknowledging…" : "Acknowledge"}
      </button>
    </li>
  );
}

export function AlertBanner({ alerts, alarm, apply }: Props) {
  if (alerts.length === 0) return null;
  const hidden = alerts.length - MAX_ROWS;
  return (
    <section className="alert-banner" aria-label="Critical alerts">
      <div className="banner-head">
        <strong>
          {alerts.length === 1 ? "Critical alert" : `${alerts.length} critical alerts`} — not acknowledged
        </strong>
        <SoundToggle alarm={alarm} />
      </div>
      <ul className="banner-rows" aria-live="assertive">
        {alerts.slice(0, MAX_ROWS).map((alert) => (
          <BannerRow key={alert.id} alert={alert} apply={apply} />
        ))}
      </ul>
      {hidden > 0 && <p className="banner-more">and {hidden} more in the alert queue</p>}
    </section>
  );
}
