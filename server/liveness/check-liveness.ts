// Liveness, run every minute by the worker: devices that missed their
// reporting interval too often go offline with an alert (a gateway's sensors
// with it, under its alert); devices that reported again come back online
// with that alert resolved; guards on shift who have not moved more than X m
// in T minutes are asked "Are you OK?" on their phones and raise a man-down
// alert if they do not answer within the cancel window (advance-man-down.ts).
// A device that reports for a guard (a guard phone) alarms only while that guard is on shift (server/lib/on-shift.ts):
// switched off after the shift it goes offline quietly, and alarms when the
// next shift begins if it is still silent (server/liveness/offline-on-shift.ts).
// Every step is one set-based statement, so a run stays well under a second
// at 10,000 devices (see scripts/bench).
import type { Sql, TransactionSql } from "postgres";
import { DEFAULT_REPORT_INTERVALS } from "../contracts/alert-rules";
import { socketEvents, type AlertDto, type AlertSeverity } from "../contracts/socket-events";
import type { AlertCandidate } from "../services/alerts/alert-candidate";
import { upsertAlerts } from "../services/alerts/upsert-alerts";
import { isOnShift } from "../lib/on-shift";
import { loadShiftPlans } from "../services/guards/load-shift-plans";
import { advanceManDown } from "./advance-man-down";
import { findOfflineOnShift } from "./offline-on-shift";
import type { Broadcaster } from "../realtime/broadcaster";

export type LivenessSummary = { offline: number; online: number; manDownAsked: number; manDown: number };

function severityOf(
  rules: { severities?: Record<string, AlertSeverity> } | null,
  type: string,
  fallback: AlertSeverity,
) {
  return rules?.severities?.[type] ?? fallback;
}

async function markOffline(tx: TransactionSql, now: Date): Promise<AlertCandidate[]> {
  const rows = await tx<
    {
      tenantId: string;
      sourceExternalId: string;
      sourceName: string;
      deviceId: string;
      guardId: string | null;
      siteId: string | null;
      intervalS: number;
      silentS: number;
      rules: { severities?: Record<string, AlertSeverity>; disabled?: string[] } | null;
    }[]
  >`
    with due as (
      select d.id, coalesce(d.expected_interval_s,
                            (r.rules->'liveness'->'intervalSeconds'->>(d.kind::text))::float8,
                            (${JSON.stringify(DEFAULT_REPORT_INTERVALS)}::jsonb->>(d.kind::text))::float8) as interval_s,
             coalesce((r.rules->'liveness'->>'missedIntervals')::float8, 3) as missed, r.rules
      from devices d left join alert_rule_settings r on r.tenant_id = d.tenant_id
      where d.revoked_at is null and d.offline_since is null and d.last_seen_at is not null
    )
    update devices d set offline_since = ${now}
    from due
    where d.id = due.id and d.last_seen_at < ${now}::timestamptz - make_interval(secs => due.interval_s * due.missed)
    returning d.id as "deviceId", d.tenant_id as "tenantId", d.guard_id as "guardId", d.site_id as "siteId",
              d.external_id as "sourceExternalId", coalesce(d.name, d.external_id) as "sourceName",
              due.interval_s as "intervalS", extract(epoch from ${now}::timestamptz - d.last_seen_at)::float8 as "silentS",
              due.rules`;
  // A gateway's sensors (Zigbee2MQTT) cannot report while it is gone: unreachable under its one alert, with
  // none of their own; each comes back when it reports again.
  const gone = rows.map((d) => d.deviceId);
  if (gone.length > 0) {
    await tx`update devices set offline_since = ${now}
             where gateway_id = any(${gone}::uuid[]) and offline_since is null and revoked_at is null`;
  }
  // A guard's phone switched off after the shift is no alarm: held until the guard's next shift begins.
  const plans = await loadShiftPlans(
    tx,
    rows.flatMap((d) => (d.guardId ? [d.guardId] : [])),
  );
  const offShift = rows.filter((d) => d.guardId !== null && !isOnShift(plans.get(d.guardId) ?? [], now));
  if (offShift.length > 0) {
    await tx`update devices set offline_off_shift = true where id = any(${offShift.map((d) => d.deviceId)}::uuid[])`;
  }
  return rows
    .filter((d) => !d.rules?.disabled?.includes("offline") && !offShift.includes(d))
    .map((d) => ({
      tenantId: d.tenantId,
      subject: { deviceId: d.deviceId, guardId: d.guardId, externalId: d.sourceExternalId, name: d.sourceName },
      siteId: d.siteId,
      type: "offline",
      severity: severityOf(d.rules, "offline", "high"),
      message: `${d.sourceName} has not reported for ${Math.round(d.silentS)} s (expected every ${d.intervalS} s)`,
      location: null,
      at: now,
      extra: null,
    }));
}

/** Devices that reported after going offline: back online, their offline alert resolved. */
async function markOnline(tx: TransactionSql, now: Date): Promise<(AlertDto & { tenantId: string })[]> {
  return tx<(AlertDto & { tenantId: string })[]>`
    with back as (
      update devices set offline_since = null, offline_off_shift = false
      where offline_since is not null and last_seen_at > offline_since
      returning id, tenant_id, external_id, coalesce(name, external_id) as name, last_seen_at
    ), resolved as (
      update alerts a set status = 'RESOLVED', resolved_at = ${now},
             resolution_note = 'Back online: reported again at ' || to_char(back.last_seen_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')
      from back
      where a.tenant_id = back.tenant_id and a.source_key = 'device:' || back.id and a.type = 'offline'
        and a.status <> 'RESOLVED'
      returning a.*, back.external_id, back.name as source_name
    ), logged as (
      insert into alert_events (tenant_id, alert_id, action, channel, at, detail)
      select tenant_id, id, 'resolved', 'system', ${now}, '{"reason":"back online"}'::jsonb from resolved
    )
    select id, tenant_id as "tenantId", type, severity, status, message, lat, lon, count,
           to_char(first_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "firstSeenAt",
           to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastSeenAt",
           external_id as "sourceExternalId", source_name as "sourceName"
    from resolved`;
}

export async function checkLiveness(sql: Sql, broadcaster: Broadcaster, now = new Date()): Promise<LivenessSummary> {
  const { changed, summary } = await sql.begin(async (tx) => {
    // One run at a time (the minute cron, the run at the end of a man-down window, other workers): the second waits
    // and then finds the first's marks, so nothing is asked or raised twice.
    await tx`select pg_advisory_xact_lock(hashtext('vigil:check_liveness'))`;
    const offline = await markOffline(tx, now);
    const online = await markOnline(tx, now);
    const lateOffline = await findOfflineOnShift(tx, now);
    const { asked, alarms: manDown } = await advanceManDown(tx, now);
    const raised = await upsertAlerts(tx, [...offline, ...lateOffline, ...manDown], "system");
    return {
      changed: [...[...raised.values()].map(({ created: _created, ...alert }) => alert), ...online],
      summary: {
        offline: offline.length + lateOffline.length,
        online: online.length,
        manDownAsked: asked,
        manDown: manDown.length,
      },
    };
  });
  const byTenant = new Map<string, AlertDto[]>();
  for (const { tenantId, ...alert } of changed) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), alert]);
  for (const [tenantId, alerts] of byTenant) broadcaster.toTenant(tenantId, socketEvents.alertsChanged, alerts);
  return summary;
}
