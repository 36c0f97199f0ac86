// Reads the false-alarm model's features from the database: for resolved
// alerts (training) and for one new alert (scoring), with the same columns.
// Hour and weekday are in the site's time zone; battery and signal are the
// device's last report in the day before the alert.
import type { JobHelpers } from "graphile-worker";
import { NEVER_SCORED_TYPES } from "../contracts/ml";
import type { AlertFeatures } from "./alert-features";
import type { LabelledAlert } from "./train-false-alarm-model";

type Query = JobHelpers["query"];

/** Most recent labelled alerts a run learns from. */
const MAX_TRAINING_ALERTS = 20_000;

const featureColumns = (recentAlerts: string) => `
  a.type, a.site_id as "siteId", a.device_id as "deviceId", d.kind::text as "deviceKind", r.kind as "sensorKind",
  extract(hour from a.first_seen_at at time zone coalesce(s.timezone, 'UTC'))::int as hour,
  extract(isodow from a.first_seen_at at time zone coalesce(s.timezone, 'UTC'))::int as weekday,
  (${recentAlerts})::int as "recentAlerts",
  t.battery, t.signal_dbm as "signalDbm"`;

const featureJoins = `
  left join devices d on d.id = a.device_id
  left join sites s on s.id = a.site_id
  left join lateral (
    select kind from sensor_readings r
    where r.device_id = a.device_id
      and r.recorded_at between a.first_seen_at - interval '1 hour' and a.first_seen_at + interval '1 minute'
    order by r.recorded_at desc limit 1) r on true
  left join lateral (
    select battery, signal_dbm from device_telemetry t
    where t.device_id = a.device_id
      and t.recorded_at between a.first_seen_at - interval '1 day' and a.first_seen_at + interval '5 minutes'
    order by t.recorded_at desc limit 1) t on true`;

export async function loadTrainingExamples(query: Query, tenantId: string): Promise<LabelledAlert[]> {
  // The 7-day alert count per source comes from a window over all of the tenant's alerts (open ones and
  // panics included), then only resolved real or false alarms are kept.
  const { rows } = await query<LabelledAlert>(
    `with counted as (
       select a.*, count(*) over (partition by a.source_key order by a.first_seen_at
                                  range between interval '7 days' preceding and current row) - 1 as recent
       from alerts a where a.tenant_id = $1)
     select ${featureColumns("a.recent")}, a.outcome = 'false_alarm' as "falseAlarm"
     from counted a ${featureJoins}
     where a.status = 'RESOLVED' and a.outcome in ('real', 'false_alarm') and a.type <> all($2::text[])
     order by a.first_seen_at desc
     limit $3`,
    [tenantId, NEVER_SCORED_TYPES, MAX_TRAINING_ALERTS],
  );
  return rows;
}

export async function loadAlertFeatures(
  query: Query,
  alertId: string,
): Promise<(AlertFeatures & { tenantId: string }) | null> {
  const { rows } = await query<AlertFeatures & { tenantId: string }>(
    `select a.tenant_id as "tenantId", ${featureColumns(`
       select count(*) from alerts p
       where p.tenant_id = a.tenant_id and p.source_key = a.source_key and p.id <> a.id
         and p.first_seen_at between a.first_seen_at - interval '7 days' and a.first_seen_at`)}
     from alerts a ${featureJoins}
     where a.id = $1`,
    [alertId],
  );
  return rows[0] ?? null;
}
