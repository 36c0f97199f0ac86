// Liveness, run every minute by the worker: devices that missed their
// reporting interval too often go offline with an alert (a gateway's sensors
// with it, under its alert); devices that reported again come back online
// with that alert resolved; guards on shift who have not moved more than X m
// in T minutes raise a man-down alert. A device that reports for a guard (a
// guard phone) alarms only while that guard is on shift (server/lib/on-shift.ts):
// switched off after the shift it goes offline quietly, and alarms when the
// next shift begins if it is still silent (server/liveness/offline-on-shift.ts).
// Every step is one set-based statement, so a run stays well under a second
// at 10,000 devices (see scripts/bench).
import type { Sql, TransactionSql } from "postgres";
import { DEFAULT_REPORT_INTERVALS } from "../contracts/alert-rules";
import { socketEvents, type AlertDto, type AlertSeverity } from "../contracts/socket-events";
import type { AlertCandidate } from "../services/alerts/alert-candidate";
import { upsertAlerts } from "../services/alerts/upsert-alerts";
import { isOnShift, type ShiftPlan } from "../lib/on-shift";
import { loadShiftPlans } from "../services/guards/load-shift-plans";
import { findOfflineOnShift } from "./offline-on-shift";
import type { Broadcaster } from "../realtime/broadcaster";

export type LivenessSummary = { offline: number; online: number; manDown: number };

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

async function findManDown(tx: TransactionSql, now: Date): Promise<AlertCandidate[]> {
  const candidates = await tx<
    {
      tenantId: string;
      sourceExternalId: string;
      sourceName: string;
      guardId: string;
      lat: number;
      lon: number;
      movedM: number;
      minutes: number;
      metres: number;
      shifts: ShiftPlan[];
    }[]
  >`
    select p.guard_id as "guardId", p.tenant_id as "tenantId", g.external_id as "sourceExternalId",
           g.name as "sourceName", p.lat, p.lon, s.minutes, s.metres,
           max(sqrt(power((l.lat - p.lat) * 111320, 2) + power((l.lon - p.lon) * 111320 * cos(radians(p.lat)), 2))) as "movedM",
           (select json_agg(json_build_object('shifts', a.shifts, 'timezone', coalesce(a.timezone, st.timezone)))
              from guard_assignments a join sites st on st.id = a.site_id where a.guard_id = p.guard_id) as shifts
    from guard_positions p
    join guards g on g.id = p.guard_id
    left join alert_rule_settings r on r.tenant_id = p.tenant_id
    cross join lateral (select coalesce((r.rules->'liveness'->>'manDownMinutes')::float8, 10) as minutes,
                               coalesce((r.rules->'liveness'->>'manDownMetres')::float8, 15) as metres) s
    join guard_locations l on l.guard_id = p.guard_id
      and l.recorded_at >= p.recorded_at - make_interval(secs => s.minutes * 60) and l.recorded_at <= p.recorded_at
    where p.recorded_at > ${now}::timestamptz - interval '2 minutes'
      and exists (select 1 from guard_assignments a where a.guard_id = p.guard_id)
      and g.deactivated_at is null
      and not coalesce(r.rules->'disabled' ? 'man-down', false)
    group by p.guard_id, p.tenant_id, g.external_id, g.name, p.lat, p.lon, p.recorded_at, s.minutes, s.metres
    having count(*) >= 3
       and min(l.recorded_at) <= p.recorded_at - make_interval(secs => s.minutes * 60 * 0.9)
       and max(sqrt(power((l.lat - p.lat) * 111320, 2) + power((l.lon - p.lon) * 111320 * cos(radians(p.lat)), 2))) <= s.metres`;
  return candidates
    .filter((g) => isOnShift(g.shifts, now))
    .map((g) => ({
      tenantId: g.tenantId,
      subject: { deviceId: null, guardId: g.guardId, externalId: g.sourceExternalId, name: g.sourceName },
      siteId: null,
      type: "man-down",
      severity: "critical",
      message: `${g.sourceName} has not moved more than ${g.metres} m in ${g.minutes} min (moved ${Math.round(g.movedM)} m)`,
      location: { lat: g.lat, lon: g.lon },
      at: now,
      extra: null,
    }));
}

export async function checkLiveness(sql: Sql, broadcaster: Broadcaster, now = new Date()): Promise<LivenessSummary> {
  const { changed, summary } = await sql.begin(async (tx) => {
    const offline = await markOffline(tx, now);
    const online = await markOnline(tx, now);
    const lateOffline = await findOfflineOnShift(tx, now);
    const manDown = await findManDown(tx, now);
    const raised = await upsertAlerts(tx, [...offline, ...lateOffline, ...manDown], "system");
    return {
      changed: [...[...raised.values()].map(({ created: _created, ...alert }) => alert), ...online],
      summary: { offline: offline.length + lateOffline.length, online: online.length, manDown: manDown.length },
    };
  });
  const byTenant = new Map<string, AlertDto[]>();
  for (const { tenantId, ...alert } of changed) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), alert]);
  for (const [tenantId, alerts] of byTenant) broadcaster.toTenant(tenantId, socketEvents.alertsChanged, alerts);
  return summary;
}
