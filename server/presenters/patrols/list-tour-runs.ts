// Tour runs with each checkpoint's visit (time, method, guard) or miss, newest first; and the same rows for runs
// that just changed, for the NOC's live progress bars. A user limited to sites sees their sites' runs only
// (server/auth/site-scope.ts).
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Actor } from "../../auth/actor";
import { OPEN_RUN_STATUSES, type TourRunDto, type TourRunsQuery } from "../../contracts/patrols";

type Row = Omit<TourRunDto, "dueAt" | "closesAt" | "completedAt" | "checkpoints"> & {
  dueAt: Date;
  closesAt: Date;
  completedAt: Date | null;
  checkpoints: (Omit<TourRunDto["checkpoints"][number], "missed"> & { visitedAt: string | null })[];
};

async function selectTourRuns(
  sql: Sql | TransactionSql,
  tenantId: string,
  filter: Fragment,
  limit: number,
): Promise<TourRunDto[]> {
  const rows = await sql<Row[]>`
    select r.id, r.tour_id as "tourId", t.name as "tourName", r.site_id as "siteId", s.name as "siteName",
           g.external_id as "guardExternalId", g.name as "guardName", r.due_at as "dueAt", r.closes_at as "closesAt",
           r.status::text as status, r.completed_at as "completedAt", r.alert_id as "alertId",
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
    join sites s on s.id = r.site_id
    left join guards g on g.id = r.guard_id
    where r.tenant_id = ${tenantId} ${filter}
    order by r.due_at desc, r.id
    limit ${limit}`;
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

export async function listTourRuns(sql: Sql, actor: Actor, query: TourRunsQuery): Promise<TourRunDto[]> {
  const statuses = query.status === "open" ? [...OPEN_RUN_STATUSES] : query.status ? [query.status] : null;
  const filter = sql`
    ${query.siteId ? sql`and r.site_id = ${query.siteId}` : sql``}
    ${statuses ? sql`and r.status::text = any(${statuses}::text[])` : sql``}
    ${
      query.guardExternalId
        ? sql`and (g.external_id = ${query.guardExternalId} or exists (
                select 1 from tour_visits v join guards vg on vg.id = v.guard_id
                where v.run_id = r.id and vg.external_id = ${query.guardExternalId}))`
        : sql``
    }
    ${actor.siteIds ? sql`and r.site_id = any(${[...actor.siteIds]}::uuid[])` : sql``}
    ${query.from ? sql`and r.due_at >= ${new Date(query.from)}` : sql``}
    ${query.to ? sql`and r.due_at < ${new Date(query.to)}` : sql``}`;
  return selectTourRuns(sql, actor.tenantId, filter, query.limit);
}

/** The tenant's runs with these ids as they are now (after a visit, or made or closed by the worker). */
export async function getTourRuns(
  sql: Sql | TransactionSql,
  tenantId: string,
  runIds: readonly string[],
): Promise<TourRunDto[]> {
  if (runIds.length === 0) return [];
  return selectTourRuns(sql, tenantId, sql`and r.id = any(${[...runIds]}::uuid[])`, runIds.length);
}
