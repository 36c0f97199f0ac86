// Patrol compliance by day, site and tour: the tour runs due that day (in the
// site's time zone) and what became of them, and the share of checkpoints of
// the runs that are over (completed, late or missed) that were visited before
// their run's window closed. Open runs are counted as such and left out of the
// share, which they would otherwise pull down until their window closes.
// With guardId: the runs that guard was to walk, or visited a checkpoint of.
import type { Sql } from "postgres";
import type { Actor } from "../../auth/actor";
import type { PatrolComplianceReport, PatrolComplianceRow, ReportQuery } from "../../contracts/reports";

type Counts = Omit<PatrolComplianceRow, "day" | "siteId" | "siteName" | "timezone" | "tourId" | "tourName">;

const percent = (onTime: number, due: number) => (due === 0 ? null : Math.round((onTime / due) * 1000) / 10);

export async function patrolComplianceReport(
  sql: Sql,
  actor: Actor,
  { from, to, siteId, guardId }: ReportQuery,
): Promise<PatrolComplianceReport> {
  const rows = await sql<Omit<PatrolComplianceRow, "onTimePercent">[]>`
    with runs as (
      select r.*, s.name as site_name, s.timezone, t.name as tour_name,
             to_char(r.due_at at time zone s.timezone, 'YYYY-MM-DD') as day,
             r.status in ('completed', 'late', 'missed') as over,
             (select count(*) from tour_visits v
              where v.run_id = r.id and v.visited_at <= r.closes_at)::int as on_time
      from tour_runs r
      join sites s on s.id = r.site_id and s.tenant_id = r.tenant_id
      join tours t on t.id = r.tour_id and t.tenant_id = r.tenant_id
      where r.tenant_id = ${actor.tenantId}
        and r.due_at >= ${from}::date - interval '14 hours' and r.due_at < ${to}::date + interval '38 hours'
        and (r.due_at at time zone s.timezone)::date between ${from}::date and ${to}::date
        ${siteId ? sql`and r.site_id = ${siteId}` : sql``}
        ${actor.siteIds ? sql`and r.site_id = any(${[...actor.siteIds]}::uuid[])` : sql``}
        ${
          guardId
            ? sql`and (r.guard_id = ${guardId}
                       or exists (select 1 from tour_visits v where v.run_id = r.id and v.guard_id = ${guardId}))`
            : sql``
        }
    )
    select day, site_id as "siteId", site_name as "siteName", timezone, tour_id as "tourId", tour_name as "tourName",
           count(*)::int as due,
           count(*) filter (where status = 'completed')::int as completed,
           count(*) filter (where status = 'late')::int as late,
           count(*) filter (where status = 'missed')::int as missed,
           count(*) filter (where not over)::int as open,
           coalesce(sum(cardinality(checkpoint_ids)) filter (where over), 0)::int as "checkpointsDue",
           coalesce(sum(on_time) filter (where over), 0)::int as "checkpointsOnTime"
    from runs
    group by day, site_id, site_name, timezone, tour_id, tour_name
    order by day, site_name, tour_name, tour_id`;
  const totals: Counts = {
    due: 0,
    completed: 0,
    late: 0,
    missed: 0,
    open: 0,
    checkpointsDue: 0,
    checkpointsOnTime: 0,
    onTimePercent: null,
  };
  for (const row of rows) {
    for (const key of ["due", "completed", "late", "missed", "open", "checkpointsDue", "checkpointsOnTime"] as const) {
      totals[key] += row[key];
    }
  }
  totals.onTimePercent = percent(totals.checkpointsOnTime, totals.checkpointsDue);
  return {
    from,
    to,
    rows: rows.map((row) => ({ ...row, onTimePercent: percent(row.checkpointsOnTime, row.checkpointsDue) })),
    totals,
  };
}
