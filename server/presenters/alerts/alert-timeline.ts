// An alert's timeline: its event log (raised, claimed, acknowledged, resolved,
// notes), its repeats (counted on the alert, not logged one by one) and the
// escalation tiers fired (the first delivery of each round and tier), oldest
// first.
import type { AlertDetailDto } from "../../contracts/alert-api";
import type { DeliveryDto } from "../../contracts/notifications";
import type { AlertTimelineEntry } from "../../contracts/alert-timeline";

const OUTCOMES: Record<string, string> = { real: "real incident", false_alarm: "false alarm", test: "test" };

type Detail = { note?: unknown; outcome?: unknown; reason?: unknown };

function fromEvent(event: AlertDetailDto["events"][number]): AlertTimelineEntry {
  const detail = (event.detail ?? {}) as Detail;
  const note = typeof detail.note === "string" ? detail.note : null;
  const base = { at: event.at, by: event.by, channel: event.channel, text: note };
  switch (event.action) {
    case "raised":
      return { ...base, kind: "raised", title: "Raised" };
    case "claimed":
      return { ...base, kind: "claimed", title: "Claimed" };
    case "acknowledged":
      return { ...base, kind: "acknowledged", title: "Acknowledged" };
    case "resolved": {
      const outcome = typeof detail.outcome === "string" ? OUTCOMES[detail.outcome] : undefined;
      const reason = typeof detail.reason === "string" ? detail.reason : null;
      return {
        ...base,
        kind: "resolved",
        title: outcome ? `Resolved as ${outcome}` : "Resolved",
        text: note ?? reason,
      };
    }
    case "note":
      return { ...base, kind: "note", title: "Note" };
    case "guard-returned":
      return { ...base, kind: "other", title: "Guard back inside the fence" };
    default:
      return { ...base, kind: "other", title: event.action };
  }
}

function tiersFired(deliveries: DeliveryDto[]): AlertTimelineEntry[] {
  const tiers = new Map<string, DeliveryDto[]>();
  for (const d of deliveries) {
    const key = `${d.round}:${d.tier}`;
    tiers.set(key, [...(tiers.get(key) ?? []), d]);
  }
  return [...tiers.values()].map((group) => {
    const first = group[0]!;
    const at = group.map((d) => d.createdAt).sort()[0]!;
    const round = first.round > 0 ? ` (repeat ${first.round})` : "";
    const told = [...new Set(group.map((d) => `${d.contactName ?? "a removed contact"} by ${d.channel}`))];
    return {
      at,
      kind: "escalated",
      title: `Escalation tier ${first.tier + 1}${round} notified`,
      by: null,
      channel: null,
      text: told.join(", "),
    };
  });
}

export function alertTimeline(alert: AlertDetailDto): AlertTimelineEntry[] {
  const entries = [...alert.events.map(fromEvent), ...tiersFired(alert.deliveries)];
  if (alert.count > 1)
    entries.push({
      at: alert.lastSeenAt,
      kind: "repeated",
      title: `Last repeat (${alert.count} times in all)`,
      by: null,
      channel: null,
      text: null,
    });
  // Stable: entries at the same instant keep the log's order (raised before the first tier).
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
}
