// Opens alerts or counts repeats of open ones for every path that raises them
// (MQTT alarms, sensor rules, geofences, liveness), with each new alert's
// "raised" event and notification job in the same transaction.
import type { TransactionSql } from "postgres";
import type { AlertDto, AlertSeverity } from "../../contracts/socket-events";
import { NEVER_SCORED_TYPES } from "../../contracts/ml";
import { metrics } from "../../observability/metrics";
import { SCORING_JOB_PRIORITY } from "../ml/training-queue";
import { jobPriority } from "./notification-priority";

export type RaisedAlert = AlertDto & { tenantId: string; created: boolean };

export type AlertRow = {
  tenant_id: string;
  device_id: string | null;
  guard_id: string | null;
  site_id: string | null;
  source_key: string;
  type: string;
  severity: AlertSeverity;
  message: string;
  lat: number | null;
  lon: number | null;
  count: number;
  first_seen_at: Date;
  last_seen_at: Date;
  extra: Record<string, unknown> | null;
};

export type SavedAlert = Omit<RaisedAlert, "sourceExternalId" | "sourceName" | "firstSeenAt" | "lastSeenAt"> & {
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** tenant|source|type, to find the rows' own data again. */
  key: string;
};

/**
 * Opens alerts or counts repeats of open ones, race-free across processes (the
 * unique partial index), and writes each new alert's "raised" event and its
 * notification job in the same transaction: no alert without its notifications.
 */
export async function upsertAlerts(tx: TransactionSql, rows: AlertRow[], channel = "mqtt"): Promise<SavedAlert[]> {
  if (rows.length === 0) return [];
  const saved = await tx<SavedAlert[]>`
    insert into alerts ${tx(rows as never)}
    on conflict (tenant_id, source_key, type) where status <> 'RESOLVED'
    do update set count = alerts.count + excluded.count,
                  last_seen_at = greatest(alerts.last_seen_at, excluded.last_seen_at)
    returning id, tenant_id as "tenantId", type, severity, status, message, lat, lon, count,
              first_seen_at as "firstSeenAt", last_seen_at as "lastSeenAt", (xmax = 0) as created,
              tenant_id || '|' || source_key || '|' || type as key`;
  const created = saved.filter((a) => a.created);
  if (created.length > 0) {
    await tx`
      insert into alert_events (tenant_id, alert_id, action, channel)
      select * from unnest(${created.map((a) => a.tenantId)}::uuid[], ${created.map((a) => a.id)}::uuid[],
                           ${created.map(() => "raised")}::text[], ${created.map(() => channel)}::text[])`;
    await tx`
      select graphile_worker.add_job('notify_alert', json_build_object('alertId', v.id, 'round', 0, 'tier', 0),
               priority => v.priority, max_attempts => 25)
      from unnest(${created.map((a) => a.id)}::text[], ${created.map((a) => jobPriority(a.severity))}::int[]) as v(id, priority)`;
    // Scored by the tenant's promoted false-alarm model, if it has one (never panic or man-down).
    const scoring = await tx`
      select graphile_worker.add_job('score_alert', json_build_object('alertId', v.id), priority => ${SCORING_JOB_PRIORITY}, max_attempts => 3)
      from unnest(${created.map((a) => a.id)}::uuid[], ${created.map((a) => a.tenantId)}::uuid[], ${created.map((a) => a.type)}::text[]) as v(id, tenant_id, type)
      where v.type <> all(${NEVER_SCORED_TYPES as string[]}::text[])
        and exists (select 1 from ml_models m where m.tenant_id = v.tenant_id and m.promoted_at is not null)`;
    metrics.jobsQueued.inc({ task: "notify_alert" }, created.length);
    metrics.jobsQueued.inc({ task: "score_alert" }, scoring.length);
  }
  return saved;
}
