"use client";
// The alert queue beside the map: every open alert, most severe and longest
// waiting first. The alarm's sound control sits in its heading while the
// banner (which has its own) is not shown.
import { AlertQueueItem, type Operator } from "./alert-queue-item";
import type { OpenAlert } from "./open-alerts";
import { SoundToggle } from "./sound-toggle";
import type { Alarm } from "./use-alarm";

type Props = {
  alerts: OpenAlert[];
  operator: Operator;
  alarm: Alarm | null;
  apply: (alerts: OpenAlert[]) => void;
  /** The alert the keyboard selected (j / k). */
  selectedId: string | null;
  onShowOnMap: (alert: OpenAlert) => void;
};

export function AlertQueue({ alerts, operator, alarm, apply, selectedId, onShowOnMap }: Props) {
  return (
    <section className="alert-queue" aria-labelledby="alert-queue-heading">
      <div className="queue-heading">
        <h2 id="alert-queue-heading">Open alerts ({alerts.length})</h2>
        {alarm && <SoundToggle alarm={alarm} />}
      </div>
      {alerts.length === 0 ? (
        <p className="muted queue-empty">No open alerts.</p>
      ) : (
        <ul className="queue-list" aria-label="Open alerts">
          {alerts.map((alert) => (
            <AlertQueueItem
              key={alert.id}
              alert={alert}
              operator={operator}
              apply={apply}
              selected={alert.id === selectedId}
              onShowOnMap={alert.lat === null ? undefined : () => onShowOnMap(alert)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
