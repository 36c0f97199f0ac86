// Run every minute by the worker: makes the tour runs that became due (once
// each: (tour, due_at) is unique, so a restart or a second worker cannot make
// one twice), and closes the runs whose window ended with checkpoints
// unvisited: `missed`, with a patrol-missed alert (high) that names the site,
// the tour, the guard and the checkpoints, through the normal lifecycle.
// After the commit, the NOC hears of the runs made and closed (its progress
// bars), and the ingest processes rebuild their GPS targets (NOTIFY).
import type { Sql, TransactionSql } from "postgres";
import { socketEvents } from "../../contracts/socket-events";
import type { ShiftPlan } from "../../lib/on-shift";
import { runsToMake } from "../../patrols/tour-schedule";
import { getTourRuns } from "../../presenters/patrols/list-tour-runs";
import type { Broadcaster } from "../../realtime/broadcaster";
import { alertKey, type AlertCandidate } from "../alerts/alert-candidate";
import { upsertAlerts } from "../alerts/upsert-alerts";
import { notifyPatrolsChanged } from "./notify-patrols-changed";

export type TourRunSummary = { made: number; missed: number };

type DueTour = {
  id: string;
  tenantId: string;
  siteId: string;
  guardId: string | null;
  checkpointIds: string[];
  ordered: boolean;
  startAt: Date;
  windowMinutes: number;
  repeatMinutes: number | null;
  createdAt: Date;
  lastDue: Date | null;
  plans: ShiftPlan[];
};

type RunRef = { id: string; tenantId: string };

async function makeDueRuns(tx: TransactionSql, now: Date): Promise<RunRef[]> {
  const due = await tx<DueTour[]>`
    select t.id, t.tenant_id as "tenantId", t.site_id as "siteId", t.guard_id as "guardId",
           t.checkpoint_ids as "checkpointIds", t.ordered, t.start_at as "startAt",
           t.window_minutes as "windowMinutes", t.repeat_minutes as "repeatMinutes", t.created_at as "createdAt",
           (select max(r.due_at) from tour_runs r where r.tour_id = t.id) as "lastDue",
           coalesce((select json_agg(json_build_object('shifts', a.shifts, 'timezone', coalesce(a.timezone, s.timezone)))
                     from guard_assignments a join guards g on g.id = a.guard_id and g.deactivated_at is null
                     where a.site_id = t.site_id and (t.guard_id is null or a.guard_id = t.guard_id)), '[]') as plans
    from tours t join sites s on s.id = t.site_id
    where t.deleted_at is null and t.start_at <= ${now}`;
  const rows = due.flatMap((tour) =>
    runsToMake(tour, tour.plans, tour.lastDue, now).map((dueAt) => ({
      tenant_id: tour.tenantId,
      tour_id: tour.id,
      site_id: tour.siteId,
      guard_id: tour.guardId,
      checkpoint_ids: tour.checkpointIds,
      ordered: tour.ordered,
      due_at: dueAt,
      closes_at: new Date(dueAt.getTime() + tour.windowMinutes * 60_000),
    })),
  );
  if (rows.length === 0) return [];
  const made = await tx`
    insert into tour_runs ${tx(rows, "tenant_id", "tour_id", "site_id", "guard_id", "checkpoint_ids", "ordered", "due_at", "closes_at")}
    on conflict (tour_id, due_at) do nothing
    returning id, tenant_id as "tenantId"`;
  return made.map((row) => ({ id: String(row.id), tenantId: String(row.tenantId) }));
}

type ClosedRun = {
  runId: string;
  tenantId: string;
  tourId: string;
  siteId: string;
  guardId: string | null;
  tourName: string;
  siteName: string;
  guardExternalId: string | null;
  guardName: string | null;
  missing: string[];
};

async function closeExpiredRuns(tx: TransactionSql, now: Date): Promise<ClosedRun[]> {
  return tx<ClosedRun[]>`
    with closed as (
      update tour_runs set status = 'missed'
      where status in ('scheduled', 'in_progress') and closes_at <= ${now}
      returning id, tenant_id, tour_id, site_id, guard_id, checkpoint_ids
    )
    select c.id as "runId", c.tenant_id as "tenantId", c.tour_id as "tourId", c.site_id as "siteId",
           c.guard_id as "guardId", t.name as "tourName", s.name as "siteName",
           g.external_id as "guardExternalId", g.name as "guardName",
           array(select coalesce(cp.name, 'a deleted checkpoint')
                 from unnest(c.checkpoint_ids) with ordinality as u(id, n)
                 left join checkpoints cp on cp.id = u.id
                 where not exists (select 1 from tour_visits v where v.run_id = c.id and v.checkpoint_id = u.id)
                 order by u.n) as missing
    from closed c join tours t on t.id = c.tour_id join sites s on s.id = c.site_id
    left join guards g on g.id = c.guard_id`;
}

function missedAlert(run: ClosedRun, now: Date): AlertCandidate {
  const who = run.guardName ? ` by ${run.guardName}` : "";
  return {
    tenantId: run.tenantId,
    // One open alert per tour: rounds missed again count up on it.
    subject: {
      deviceId: null,
      guardId: run.guardId,
      tourId: run.tourId,
      externalId: run.guardExternalId ?? "",
      name: run.guardName ?? run.siteName,
    },
    siteId: run.siteId,
    type: "patrol-missed",
    severity: "high",
    message: `${run.siteName}: tour "${run.tourName}"${who} missed ${run.missing.join(", ")}`,
    location: null,
    at: now,
    extra: { tourRunId: run.runId, tourId: run.tourId, missedCheckpoints: run.missing },
  };
}

/** The runs made and closed, as they are now, to each tenant's NOC. */
async function broadcastRuns(sql: Sql, broadcaster: Broadcaster, runs: RunRef[]): Promise<void> {
  const byTenant = new Map<string, string[]>();
  for (const { id, tenantId } of runs) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), id]);
  for (const [tenantId, ids] of byTenant) {
    broadcaster.toTenant(tenantId, socketEvents.tourRunsChanged, await getTourRuns(sql, tenantId, ids));
  }
}

export async function advanceTourRuns(sql: Sql, broadcaster: Broadcaster, now = new Date()): Promise<TourRunSummary> {
  const { made, closed, raised } = await sql.begin(async (tx) => {
    const made = await makeDueRuns(tx, now);
    const closed = await closeExpiredRuns(tx, now);
    // Runs of one tour closed together (after the worker was down) fold into one alert.
    const candidates = closed.map((run) => missedAlert(run, now));
    const raised = await upsertAlerts(tx, candidates, "system");
    const alertIds = candidates.map((candidate) => raised.get(alertKey(candidate))?.id ?? null);
    if (closed.length > 0)
      await tx`
        update tour_runs r set alert_id = v.alert_id
        from unnest(${closed.map((run) => run.runId)}::uuid[], ${alertIds}::uuid[]) as v(run_id, alert_id)
        where r.id = v.run_id`;
    await notifyPatrolsChanged(
      tx,
      [...made, ...closed].map((run) => run.tenantId),
    );
    return { made, closed, raised };
  });
  for (const { tenantId, created: _created, ...alert } of raised.values()) {
    broadcaster.toTenant(tenantId, socketEvents.alertsChanged, [alert]);
  }
  await broadcastRuns(sql, broadcaster, [...made, ...closed.map((run) => ({ id: run.runId, tenantId: run.tenantId }))]);
  return { made: made.length, missed: closed.length };
}
