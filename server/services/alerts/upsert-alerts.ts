// Opens alerts or counts repeats of open ones for every path that raises them
// (MQTT alarms, sensor rules, geofences, liveness), with each new alert's
// "raised" event and notification job in the same transaction.
import type { TransactionSql } from "postgres";
import type { AlertDto } from "../../contracts/socket-events";
import { NEVER_SCORED_TYPES } from "../../contracts/ml";
import { metrics } from "../../observability/metrics";
import { jobSql } from "../../contracts/jobs";
import { alertKey, sourceKey, type AlertCandidate } from "./alert-candidate";
import { jobPriority } from "./notification-priority";

export type RaisedAlert = AlertDto & { tenantId: string; created: boolean };

type Group = { first: AlertCandidate; count: number; lastSeenAt: Date };

/** Candidates for the same open alert (tenant, source, type) fold into one row: a statement may name a key once. */
function fold(candidates: AlertCandidate[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const candidate of candidates) {
    const key = alertKey(candidate);
    const group = groups.get(key);
    if (!group) groups.set(key, { first: candidate, count: 1, lastSeenAt: candidate.at });
    else {
      group.count += 1;
      if (candidate.at > group.lastSeenAt) group.lastSeenAt = candidate.at;
    }
  }
  return groups;
}

/**
 * Opens alerts or counts repeats of open ones, race-free across processes (the
 * unique partial index), and writes each new alert's "raised" event and its
 * notification job in the same transaction: no alert without its notifications.
 * Returns the alerts as they now are, by alertKey of the candidates behind them.
 */
export async function upsertAlerts(
  tx: TransactionSql,
  candidates: AlertCandidate[],
  channel: "mqtt" | "system" = "mqtt",
): Promise<Map<string, RaisedAlert>> {
  if (candidates.length === 0) return new Map();
  const groups = fold(candidates);
  const rows = [...groups.values()].map(({ first: c, count, lastSeenAt }) => ({
    tenant_id: c.tenantId,
    device_id: c.subject.deviceId,
    guard_id: c.subject.guardId,
    site_id: c.siteId,
    source_key: sourceKey(c.subject),
    type: c.type,
    severity: c.severity,
    message: c.message,
    lat: c.location?.lat ?? null,
    lon: c.location?.lon ?? null,
    count,
    first_seen_at: c.at,
    last_seen_at: lastSeenAt,
    extra: c.extra,
  }));
  const saved = await tx<
    (Omit<RaisedAlert, "sourceExternalId" | "sourceName" | "firstSeenAt" | "lastSeenAt"> & {
      firstSeenAt: Date;
      lastSeenAt: Date;
      key: string;
    })[]
  >`
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
    const notify = jobSql("notify_alert");
    await tx`
      select graphile_worker.add_job(${notify.name}::text, json_build_object('alertId', v.id, 'round', 0, 'tier', 0),
               priority => v.priority, max_attempts => ${notify.maxAttempts}::int)
      from unnest(${created.map((a) => a.id)}::text[], ${created.map((a) => jobPriority(a.severity))}::int[]) as v(id, priority)`;
    // Scored by the tenant's promoted false-alarm model, if it has one (never panic or man-down).
    const score = jobSql("score_alert");
    const scoring = await tx`
      select graphile_worker.add_job(${score.name}::text, json_build_object('alertId', v.id), priority => ${score.priority}::int,
               max_attempts => ${score.maxAttempts}::int)
      from unnest(${created.map((a) => a.id)}::uuid[], ${created.map((a) => a.tenantId)}::uuid[], ${created.map((a) => a.type)}::text[]) as v(id, tenant_id, type)
      where v.type <> all(${NEVER_SCORED_TYPES as string[]}::text[])
        and exists (select 1 from ml_models m where m.tenant_id = v.tenant_id and m.promoted_at is not null)`;
    metrics.jobsQueued.inc({ task: notify.name }, created.length);
    metrics.jobsQueued.inc({ task: score.name }, scoring.length);
  }
  const raised = new Map<string, RaisedAlert>();
  for (const { key, firstSeenAt, lastSeenAt, ...alert } of saved) {
    const group = groups.get(key);
    if (!group) continue;
    const { externalId, name } = group.first.subject;
    raised.set(key, {
      ...alert,
      firstSeenAt: new Date(firstSeenAt).toISOString(),
      lastSeenAt: new Date(lastSeenAt).toISOString(),
      sourceExternalId: externalId,
      sourceName: name,
    });
  }
  return raised;
}
