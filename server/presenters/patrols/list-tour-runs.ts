// Tour runs with each checkpoint's visit (time, method, guard) or miss, newest first.
import type { Sql } from "postgres";
import type { Actor } from "../../auth/actor";
import type { TourRunDto, TourRunsQuery } from "../../contracts/patrols";

type Row = Omit<TourRunDto, "dueAt" | "closesAt" | "completedAt" | "checkpoints"> & {
  dueAt: Date;
  closesAt: Date;
  completedAt: Date | null;
  checkpoints: (Omit<TourRunDto["checkpoints"][number], "missed"> & { visitedAt: string | null })[];
};

export async function listTourRuns(sql: Sql, actor: Actor, query: TourRunsQuery): Promise<TourRunDto[]> {
  const rows = await sql<Row[]>`
    select r.id, r.tour_id as "tourId", t.name as "tourName", r.site_id as "siteId",
           g.external_id as "guardExternalId", r.due_at as "dueAt", r.closes_at as "closesAt", r.status::text as status,
           r.completed_at as "completedAt", r.alert_id as "alertId",
           (select json_agg(json_build_object(
                     'checkpointId', u.id, 'name', coalesce(cp.name, 'a deleted checkpoint'),
                     'visitedAt', v.visited_at, 'method', v.method, 'guardExternalId', vg.external_id)
                   order by u.n)
            from unnest(r.checkpoint_ids) with ordinality as u(id, n)
            left join checkpoints cp on cp.id = u.id
            left join tour_visits v on v.run_id = r.id and v.checkpoint_id = u.id
            left join guards vg on vg.id = v.guard_id) as checkpoints
    from tour_runs r
    join tours t on t.id = r.tour_id
    left join guards g on g.id = r.guard_id
    where r.tenant_id = ${actor.tenantId}
      ${query.siteId ? sql`and r.site_id = ${query.siteId}` : sql``}
      ${
        query.guardExternalId
          ? sql`and (g.external_id = ${query.guardExternalId} or exists (
                  select 1 from tour_visits v join guards vg on vg.id = v.guard_id
                  where v.run_id = r.id and vg.external_id = ${query.guardExternalId}))`
          : sql``
      }
      ${query.from ? sql`and r.due_at >= ${new Date(query.from)}` : sql``}
      ${query.to ? sql`and r.due_at < ${new Date(query.to)}` : sql``}
    order by r.due_at desc, r.id
    limit ${query.limit}`;
  return rows.map((row) => ({
    ...row,
    dueAt: row.dueAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    checkpoints: row.checkpoints.map((c) => ({
      ...c,
      visitedAt: c.visitedAt ? new Date(c.visitedAt).toISOString() : null,
      missed: c.visitedAt === null && row.status !== "scheduled" && row.status !== "in_progress",
    })),
  }));
}
