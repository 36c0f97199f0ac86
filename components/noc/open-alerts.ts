// The operator's open alerts, kept in step with the server. Socket changes
// are upserted by id and RESOLVED ones dropped; the list reloaded after a
// (re)connect replaces what is shown, without undoing what was heard while
// the reload was in flight (Socket.IO buffers nothing, and a reload may
// answer with a snapshot older than an event that overtook it).
import type { AlertListItemDto } from "@/server/contracts/alert-api";
import type { AlertDto, AlertSeverity, AlertStatus } from "@/server/contracts/socket-events";

/** Socket events carry AlertDto; the API and status changes carry the list item (who claimed it, when...). */
export type OpenAlert = AlertDto & Partial<Omit<AlertListItemDto, keyof AlertDto>>;

export type OpenAlertsState = {
  byId: ReadonlyMap<string, OpenAlert>;
  /** Alerts known resolved: a late snapshot cannot bring them back. */
  resolved: ReadonlySet<string>;
  /** Ids changed by events since the running reload started; null when no reload runs. */
  heardDuringReload: ReadonlySet<string> | null;
};

export type OpenAlertsAction =
  { type: "changed"; alerts: OpenAlert[] } | { type: "reloadStarted" } | { type: "reloaded"; alerts: OpenAlert[] };

const STATUS_RANK: Record<AlertStatus, number> = { NEW: 0, ACKNOWLEDGED: 1, RESOLVED: 2 };
const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** An alert only moves forward (NEW -> ACKNOWLEDGED -> RESOLVED) and its count only grows. */
function merge(known: OpenAlert | undefined, incoming: OpenAlert): OpenAlert {
  if (!known) return incoming;
  const count = Math.max(known.count, incoming.count);
  const lastSeenAt = known.lastSeenAt > incoming.lastSeenAt ? known.lastSeenAt : incoming.lastSeenAt;
  if (STATUS_RANK[incoming.status] < STATUS_RANK[known.status]) return { ...known, count, lastSeenAt };
  return { ...known, ...incoming, count, lastSeenAt };
}

export function initialOpenAlerts(alerts: OpenAlert[]): OpenAlertsState {
  return openAlertsReducer(
    { byId: new Map(), resolved: new Set(), heardDuringReload: null },
    { type: "changed", alerts },
  );
}

export function openAlertsReducer(state: OpenAlertsState, action: OpenAlertsAction): OpenAlertsState {
  switch (action.type) {
    case "changed": {
      const byId = new Map(state.byId);
      const resolved = new Set(state.resolved);
      const heard = state.heardDuringReload && new Set(state.heardDuringReload);
      for (const alert of action.alerts) {
        heard?.add(alert.id);
        if (alert.status === "RESOLVED") {
          resolved.add(alert.id);
          byId.delete(alert.id);
        } else if (!resolved.has(alert.id)) {
          byId.set(alert.id, merge(byId.get(alert.id), alert));
        }
      }
      return { byId, resolved, heardDuringReload: heard };
    }
    case "reloadStarted":
      return { ...state, heardDuringReload: state.heardDuringReload ?? new Set() };
    case "reloaded": {
      const heard = state.heardDuringReload ?? new Set<string>();
      const byId = new Map<string, OpenAlert>();
      for (const alert of action.alerts) {
        if (alert.status === "RESOLVED" || state.resolved.has(alert.id)) continue;
        const known = state.byId.get(alert.id);
        // Heard during the reload: the event may be newer than the snapshot.
        byId.set(alert.id, known && heard.has(alert.id) ? merge(alert, known) : merge(undefined, alert));
      }
      // Raised while the reload was in flight: the snapshot may predate it.
      for (const id of heard) {
        const known = state.byId.get(id);
        if (known && !byId.has(id)) byId.set(id, known);
      }
      return { byId, resolved: state.resolved, heardDuringReload: null };
    }
  }
}

/** Most severe first; within a severity the longest-waiting first. */
export function sortedAlerts(state: OpenAlertsState): OpenAlert[] {
  return [...state.byId.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.firstSeenAt.localeCompare(b.firstSeenAt) ||
      a.id.localeCompare(b.id),
  );
}

/** What the banner shows and the alarm rings for: critical alerts nobody has acknowledged yet. */
export function unacknowledgedCritical(alerts: OpenAlert[]): OpenAlert[] {
  return alerts.filter((a) => a.severity === "critical" && a.status === "NEW");
}
