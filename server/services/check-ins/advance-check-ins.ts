// Run every minute by the worker: for each guard on shift under an assignment
// with check-ins (server/patrols/check-in-schedule.ts decides), starts
// watching at the shift's first tick, sends the pre-alarm once per due time
// (downlink command `check-in-due` to each of the guard's phones, through the
// device command path) and raises a critical check-in-missed alert once per
// due time after the grace. The due times each was sent for are kept on the
// guard's row in the same transaction, so a restart or a second worker cannot
// send either twice; off shift the watch ends.
import type { Sql, TransactionSql } from "postgres";
import { jobSql } from "../../contracts/jobs";
import { CHECK_IN_DUE_COMMAND, type CheckInDueParams } from "../../contracts/mqtt-payloads";
import { socketEvents } from "../../contracts/socket-events";
import { decideCheckIn, type CheckInPlan } from "../../patrols/check-in-schedule";
import type { Broadcaster } from "../../realtime/broadcaster";
import type { AlertCandidate } from "../alerts/alert-candidate";
import { upsertAlerts } from "../alerts/upsert-alerts";

type CheckInSummary = { watching: number; preAlarms: number; missed: number };

type WatchedGuard = {
  guardId: string;
  tenantId: string;
  externalId: string;
  name: string;
  plans: (Omit<CheckInPlan, "shifts"> & { shifts: CheckInPlan["shifts"]; siteName: string })[];
  watchedSince: Date | null;
  lastCheckInAt: Date | null;
  preAlarmDueAt: Date | null;
  missedDueAt: Date | null;
  lat: number | null;
  lon: number | null;
};

type Due = { guard: WatchedGuard; dueAt: Date; plan: WatchedGuard["plans"][number] };

async function loadGuards(tx: TransactionSql): Promise<WatchedGuard[]> {
  const rows = await tx<(Omit<WatchedGuard, "plans"> & { plans: WatchedGuard["plans"] })[]>`
    select g.id as "guardId", g.tenant_id as "tenantId", g.external_id as "externalId", g.name,
           json_agg(json_build_object('siteId', a.site_id, 'siteName', s.name, 'shifts', a.shifts,
                    'timezone', coalesce(a.timezone, s.timezone), 'checkInMinutes', a.check_in_minutes,
                    'graceSeconds', a.grace_seconds)) as plans,
           c.watched_since as "watchedSince", c.last_check_in_at as "lastCheckInAt",
           c.pre_alarm_due_at as "preAlarmDueAt", c.missed_due_at as "missedDueAt", p.lat, p.lon
    from guards g
    join guard_assignments a on a.guard_id = g.id and a.check_in_minutes is not null
    join sites s on s.id = a.site_id
    left join guard_check_ins c on c.guard_id = g.id
    left join guard_positions p on p.guard_id = g.id
    where g.deactivated_at is null
    group by g.id, c.guard_id, p.guard_id`;
  return rows;
}

/** Starts watching guards whose shift began, stops watching those off shift (or no longer asked to check in). */
async function setWatching(tx: TransactionSql, start: WatchedGuard[], now: Date): Promise<void> {
  if (start.length > 0) {
    await tx`
      insert into guard_check_ins (guard_id, tenant_id, watched_since)
      select * from unnest(${start.map((g) => g.guardId)}::uuid[], ${start.map((g) => g.tenantId)}::uuid[],
                           ${start.map(() => now.toISOString())}::timestamptz[])
      on conflict (guard_id) do update set watched_since = excluded.watched_since`;
  }
}

async function stopWatching(tx: TransactionSql, onShift: string[]): Promise<void> {
  await tx`
    update guard_check_ins set watched_since = null, pre_alarm_due_at = null, missed_due_at = null
    where watched_since is not null and guard_id <> all(${onShift}::uuid[])`;
}

/** One `check-in-due` command per phone of each guard, published by the command job (QoS 1). */
async function sendPreAlarms(tx: TransactionSql, due: Due[], now: Date): Promise<void> {
  if (due.length === 0) return;
  await tx`
    update guard_check_ins c set pre_alarm_due_at = v.due_at
    from unnest(${due.map((d) => d.guard.guardId)}::uuid[], ${due.map((d) => d.dueAt.toISOString())}::timestamptz[])
      as v(guard_id, due_at)
    where c.guard_id = v.guard_id`;
  const params = due.map(({ dueAt, plan }): CheckInDueParams => ({
    dueAt: dueAt.toISOString(),
    graceSeconds: plan.graceSeconds,
  }));
  // Answered or not, the command is stale once the grace is over (at least a minute from now when sent late).
  const expires = due.map(({ dueAt, plan }) =>
    new Date(Math.max(dueAt.getTime() + plan.graceSeconds * 1000, now.getTime() + 60_000)).toISOString(),
  );
  const job = jobSql("publish_device_command");
  await tx`
    with made as (
      insert into device_commands (tenant_id, device_id, type, params, expires_at)
      select d.tenant_id, d.id, ${CHECK_IN_DUE_COMMAND}, v.params::jsonb, v.expires_at
      from unnest(${due.map((d) => d.guard.guardId)}::uuid[], ${params.map((p) => JSON.stringify(p))}::text[],
                  ${expires}::timestamptz[]) as v(guard_id, params, expires_at)
      join devices d on d.guard_id = v.guard_id and d.kind = 'guard-phone' and d.revoked_at is null
      returning id
    )
    select graphile_worker.add_job(${job.name}::text, json_build_object('commandId', made.id),
             max_attempts => ${job.maxAttempts}::int, priority => -5)
    from made`;
}

function missedAlert({ guard, dueAt, plan }: Due, now: Date): AlertCandidate {
  const since = guard.lastCheckInAt ? `since ${guard.lastCheckInAt.toISOString()}` : "this shift";
  return {
    tenantId: guard.tenantId,
    subject: { deviceId: null, guardId: guard.guardId, externalId: guard.externalId, name: guard.name },
    siteId: plan.siteId,
    type: "check-in-missed",
    severity: "critical",
    message:
      `${guard.name} (${plan.siteName}) has not checked in ${since}: due every ${plan.checkInMinutes} min, ` +
      `at ${dueAt.toISOString()} plus ${plan.graceSeconds} s grace`,
    location: guard.lat !== null && guard.lon !== null ? { lat: guard.lat, lon: guard.lon } : null,
    at: now,
    extra: { dueAt: dueAt.toISOString(), lastCheckInAt: guard.lastCheckInAt?.toISOString() ?? null },
  };
}

async function markMissed(tx: TransactionSql, due: Due[]): Promise<void> {
  if (due.length === 0) return;
  await tx`
    update guard_check_ins c set missed_due_at = v.due_at
    from unnest(${due.map((d) => d.guard.guardId)}::uuid[], ${due.map((d) => d.dueAt.toISOString())}::timestamptz[])
      as v(guard_id, due_at)
    where c.guard_id = v.guard_id`;
}

export async function advanceCheckIns(sql: Sql, broadcaster: Broadcaster, now = new Date()): Promise<CheckInSummary> {
  const { summary, raised } = await sql.begin(async (tx) => {
    // One tick at a time across worker processes: the second waits and then finds the first's marks.
    await tx`select pg_advisory_xact_lock(hashtext('vigil:advance_check_ins'))`;
    const guards = await loadGuards(tx);
    const start: WatchedGuard[] = [];
    const onShift: string[] = [];
    const preAlarms: Due[] = [];
    const missed: Due[] = [];
    for (const guard of guards) {
      const decision = decideCheckIn(guard.plans, guard, now);
      if (!decision.onShift) continue;
      onShift.push(guard.guardId);
      if (decision.dueAt === null) start.push(guard);
      const plan = decision.plan as WatchedGuard["plans"][number];
      if (decision.preAlarm) preAlarms.push({ guard, dueAt: decision.dueAt!, plan });
      if (decision.missed) missed.push({ guard, dueAt: decision.dueAt!, plan });
    }
    await stopWatching(tx, onShift);
    await setWatching(tx, start, now);
    await sendPreAlarms(tx, preAlarms, now);
    await markMissed(tx, missed);
    const raised = await upsertAlerts(
      tx,
      missed.map((d) => missedAlert(d, now)),
      "system",
    );
    return { summary: { watching: onShift.length, preAlarms: preAlarms.length, missed: missed.length }, raised };
  });
  for (const { tenantId, created: _created, ...alert } of raised.values()) {
    broadcaster.toTenant(tenantId, socketEvents.alertsChanged, [alert]);
  }
  return summary;
}
