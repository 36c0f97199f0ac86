// Who was told about an alert, how, and what became of it: one row per
// recipient, channel, round and tier, with the provider's message id and the
// last error. On a phone each row is a card (tables.css).
import type { DeliveryDto } from "@/server/contracts/notifications";
import { DateTime } from "../ui/date-time";

const TONES: Record<DeliveryDto["status"], string> = {
  sent: "ok",
  queued: "info",
  held_quiet_hours: "info",
  failed: "danger",
  skipped: "warn",
};
const LABELS: Partial<Record<DeliveryDto["status"], string>> = { held_quiet_hours: "held: quiet hours" };

export function DeliveryLedger({ deliveries }: { deliveries: DeliveryDto[] }) {
  if (deliveries.length === 0)
    return (
      <p className="muted">Nobody was notified: no escalation policy, or its contacts have no matching channel.</p>
    );
  return (
    <table className="data-table compact deliveries" aria-label="Deliveries">
      <thead>
        <tr>
          <th>Recipient</th>
          <th>Channel</th>
          <th>Tier</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Provider id</th>
          <th>Queued</th>
          <th>Sent</th>
          <th>Last error</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id} data-delivery={d.id} data-channel={d.channel} data-status={d.status}>
            <td data-label="Recipient" className="primary">
              {d.contactName ?? "removed contact"}
              {d.recipient && <span className="muted mono small"> {d.recipient}</span>}
            </td>
            <td data-label="Channel">
              {d.channel.toUpperCase()}
              {d.fallback && <span className="muted small"> (fallback)</span>}
            </td>
            <td data-label="Tier">
              {d.tier + 1}
              {d.round > 0 ? ` (repeat ${d.round})` : ""}
            </td>
            <td data-label="Status">
              <span className="badge" data-tone={TONES[d.status]}>
                {LABELS[d.status] ?? d.status}
              </span>
              {d.holdUntil && (
                <span className="muted small">
                  {" "}
                  goes <DateTime iso={d.holdUntil} />
                </span>
              )}
            </td>
            <td data-label="Attempts">{d.attempts}</td>
            <td data-label="Provider id" className="mono small">
              {d.providerId ?? "—"}
            </td>
            <td data-label="Queued">
              <DateTime iso={d.createdAt} />
            </td>
            <td data-label="Sent">{d.sentAt ? <DateTime iso={d.sentAt} /> : "—"}</td>
            <td data-label="Last error" className="delivery-error">
              {d.error ?? "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
