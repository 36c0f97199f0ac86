// Each tenant's GPS targets (server/patrols/gps-targets.ts) for the ingest
// batch: the checkpoints with a point that the open tour runs still need,
// listed by the guard who may walk them. Loaded per tenant with GPS in a batch
// and kept until a run or checkpoint changes (NOTIFY on PATROLS_CHANNEL, sent
// by the worker, the visit service and the checkpoint service) or an
// assignment does (FENCES_CHANNEL), at most 60 s. A tenant without open runs
// costs one query a minute and nothing per fix.
import type { Sql } from "postgres";
import { OPEN_RUN_STATUSES } from "../contracts/patrols";
import { buildGpsTargets, type CheckpointPoint, type GpsTargets, type OpenRun } from "../patrols/gps-targets";
import { createPerTenantCache, type PerTenantCache } from "../lib/per-tenant-cache";

export { PATROLS_CHANNEL } from "../contracts/patrols";

export type TenantPatrols = PerTenantCache<GpsTargets>;

async function loadTenant(sql: Sql, tenantId: string): Promise<GpsTargets> {
  // The latest run of each tour only: a visit counts for that one (record-visit.ts), never an older run left open.
  const runs = await sql<OpenRun[]>`
    select r.id as "runId", r.guard_id as "guardId", r.site_id as "siteId", r.ordered,
           r.checkpoint_ids as "checkpointIds", r.due_at as "dueAt",
           array(select v.checkpoint_id::text from tour_visits v where v.run_id = r.id) as visited
    from tour_runs r
    where r.tenant_id = ${tenantId} and r.status::text = any(${[...OPEN_RUN_STATUSES]}::text[])
      and not exists (select 1 from tour_runs l where l.tour_id = r.tour_id and l.due_at > r.due_at)`;
  if (runs.length === 0) return buildGpsTargets({ runs, points: new Map(), siteGuards: new Map() });
  const checkpointIds = [...new Set(runs.flatMap((r) => r.checkpointIds))];
  const siteIds = [...new Set(runs.filter((r) => r.guardId === null).map((r) => r.siteId))];
  type SiteGuards = { siteId: string; guardIds: string[] };
  const [points, assignments] = await Promise.all([
    sql<CheckpointPoint[]>`
      select id, lat, lon, radius_m as "radiusM" from checkpoints
      where tenant_id = ${tenantId} and id = any(${checkpointIds}::uuid[])
        and lat is not null and lon is not null and radius_m is not null`,
    siteIds.length === 0
      ? Promise.resolve<SiteGuards[]>([])
      : sql<SiteGuards[]>`
          select site_id as "siteId", array_agg(guard_id::text) as "guardIds" from guard_assignments
          where tenant_id = ${tenantId} and site_id = any(${siteIds}::uuid[])
          group by site_id`,
  ]);
  return buildGpsTargets({
    runs,
    points: new Map(points.map((p) => [p.id, p])),
    siteGuards: new Map(assignments.map((a) => [a.siteId, a.guardIds])),
  });
}

export function createTenantPatrols({ sql, ttlMs = 60_000 }: { sql: Sql; ttlMs?: number }): TenantPatrols {
  return createPerTenantCache((tenantId) => loadTenant(sql, tenantId), ttlMs);
}
