// The pending "Are you OK?" questions (table guard_man_down_checks): load them
// with what decides their fate (an answer, a move since, the shift), ask new
// ones (a `man-down-check` command to each of the guard's phones through the
// device command path, and a liveness run at the end of the window), mark
// them alarmed, forget them. Always inside the liveness transaction.
import type { TransactionSql } from "postgres";
import { jobSql } from "../contracts/jobs";
import { MAN_DOWN_CHECK_COMMAND, type ManDownCheckParams } from "../contracts/mqtt-payloads";
import { isOnShift, type ShiftPlan } from "../lib/on-shift";
import type { PendingManDownCheck } from "./decide-man-down";

export type PendingRow = PendingManDownCheck & {
  guardId: string;
  tenantId: string;
  sourceExternalId: string;
  sourceName: string;
  lat: number;
  lon: number;
  cancelSeconds: number;
  minutes: number;
  metres: number;
  lastCheckInAt: Date | null;
  movedSinceAsked: boolean;
  onShift: boolean;
};

export async function loadManDownChecks(tx: TransactionSql, now: Date): Promise<PendingRow[]> {
  const rows = await tx<(Omit<PendingRow, "onShift"> & { shifts: ShiftPlan[] | null; disabled: boolean })[]>`
    select c.guard_id as "guardId", c.tenant_id as "tenantId", g.external_id as "sourceExternalId",
           g.name as "sourceName", c.sent_at as "sentAt", c.due_at as "dueAt", c.alarmed_at as "alarmedAt",
           c.lat, c.lon, c.cancel_seconds as "cancelSeconds", s.minutes, s.metres,
           k.last_check_in_at as "lastCheckInAt",
           g.deactivated_at is not null or coalesce(r.rules->'disabled' ? 'man-down', false) as disabled,
           exists (select 1 from guard_locations l
                   where l.guard_id = c.guard_id and l.recorded_at > c.sent_at
                     and sqrt(power((l.lat - c.lat) * 111320, 2)
                              + power((l.lon - c.lon) * 111320 * cos(radians(c.lat)), 2)) > s.metres) as "movedSinceAsked",
           (select json_agg(json_build_object('shifts', a.shifts, 'timezone', coalesce(a.timezone, st.timezone)))
              from guard_assignments a join sites st on st.id = a.site_id where a.guard_id = c.guard_id) as shifts
    from guard_man_down_checks c
    join guards g on g.id = c.guard_id
    left join guard_check_ins k on k.guard_id = c.guard_id
    left join alert_rule_settings r on r.tenant_id = c.tenant_id
    cross join lateral (select coalesce((r.rules->'liveness'->>'manDownMinutes')::float8, 10) as minutes,
                               coalesce((r.rules->'liveness'->>'manDownMetres')::float8, 15) as metres) s`;
  // No assignment left, deactivated or the rule switched off: as good as off shift.
  return rows.map(({ shifts, disabled, ...row }) => ({
    ...row,
    onShift: !disabled && shifts !== null && isOnShift(shifts, now),
  }));
}

type NewCheck = { guardId: string; tenantId: string; lat: number; lon: number; cancelSeconds: number };

/** Remembers the question (already alarmed when the window is 0) and, with a window, asks every phone of the guard. */
export async function askManDown(tx: TransactionSql, checks: NewCheck[], now: Date, alarmed: boolean): Promise<void> {
  if (checks.length === 0) return;
  const dueAt = checks.map((c) => new Date(now.getTime() + c.cancelSeconds * 1000).toISOString());
  await tx`
    insert into guard_man_down_checks (guard_id, tenant_id, sent_at, due_at, cancel_seconds, lat, lon, alarmed_at)
    select v.guard_id, v.tenant_id, ${now}::timestamptz, v.due_at, v.cancel_seconds, v.lat, v.lon,
           ${alarmed ? now : null}::timestamptz
    from unnest(${checks.map((c) => c.guardId)}::uuid[], ${checks.map((c) => c.tenantId)}::uuid[], ${dueAt}::timestamptz[],
                ${checks.map((c) => c.cancelSeconds)}::int[], ${checks.map((c) => c.lat)}::float8[],
                ${checks.map((c) => c.lon)}::float8[]) as v(guard_id, tenant_id, due_at, cancel_seconds, lat, lon)
    on conflict (guard_id) do nothing`;
  if (alarmed) return;
  const params = checks.map((c, i): ManDownCheckParams => ({ dueAt: dueAt[i]!, cancelSeconds: c.cancelSeconds }));
  // Stale once the window is over: the alarm is up by then (at least a minute, for a phone that reconnects late).
  const expires = checks.map((c) => new Date(now.getTime() + Math.max(c.cancelSeconds, 60) * 1000).toISOString());
  const publish = jobSql("publish_device_command");
  await tx`
    with made as (
      insert into device_commands (tenant_id, device_id, type, params, expires_at)
      select d.tenant_id, d.id, ${MAN_DOWN_CHECK_COMMAND}, v.params::jsonb, v.expires_at
      from unnest(${checks.map((c) => c.guardId)}::uuid[], ${params.map((p) => JSON.stringify(p))}::text[],
                  ${expires}::timestamptz[]) as v(guard_id, params, expires_at)
      join devices d on d.guard_id = v.guard_id and d.kind = 'guard-phone' and d.revoked_at is null
      returning id
    )
    select graphile_worker.add_job(${publish.name}::text, json_build_object('commandId', made.id),
             max_attempts => ${publish.maxAttempts}::int, priority => -5)
    from made`;
  // The minute cron would alarm up to a minute late: one more liveness run when the first window closes.
  const liveness = jobSql("check_liveness");
  const firstDue = dueAt.reduce((a, b) => (a < b ? a : b));
  await tx`select graphile_worker.add_job(${liveness.name}::text, '{}'::json, run_at => ${firstDue}::timestamptz + interval '1 second',
             max_attempts => 1)`;
}

export async function markManDownAlarmed(tx: TransactionSql, guardIds: string[], now: Date): Promise<void> {
  if (guardIds.length === 0) return;
  await tx`update guard_man_down_checks set alarmed_at = ${now}
           where guard_id = any(${guardIds}::uuid[]) and alarmed_at is null`;
}

export async function forgetManDownChecks(tx: TransactionSql, guardIds: string[]): Promise<void> {
  if (guardIds.length === 0) return;
  await tx`delete from guard_man_down_checks where guard_id = any(${guardIds}::uuid[])`;
}
