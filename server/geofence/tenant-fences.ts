// Each tenant's fences and guards' assignments, in memory for the ingest
// batch: a flatbush index of all the tenant's fences (for enter and exit
// events) and, per guard, the sites it is assigned to with their shifts.
// A change through the API is announced with NOTIFY (FENCES_CHANNEL) and
// dropped from every process's cache, so it applies within a second.
import type { Polygon } from "geojson";
import type { Sql } from "postgres";
import { inWeeklyWindows, type WeeklyWindow } from "../lib/weekly-windows";
import { prepareFence, type PreparedFence } from "./fence";
import { buildFenceIndex, type FenceIndex } from "./fence-index";
import { createPerTenantCache, type PerTenantCache } from "../lib/per-tenant-cache";

export { FENCES_CHANNEL } from "../contracts/sites";

export type NamedFence = PreparedFence & { name: string; siteName: string };

type Assignment = { siteId: string; shifts: WeeklyWindow[]; timezone: string };

export type TenantFences = {
  index: FenceIndex<NamedFence>;
  byId: Map<string, NamedFence>;
  /** The fences a guard must stay within at an instant: those of its sites on shift then (none off shift). */
  assignedFences: (guardId: string, at: Date) => NamedFence[];
};

export type TenantFenceCache = PerTenantCache<TenantFences>;

type FenceRow = {
  id: string;
  siteId: string;
  siteName: string;
  name: string;
  kind: "polygon" | "circle";
  polygon: Polygon | null;
  centerLon: number | null;
  centerLat: number | null;
  radiusM: number | null;
  bufferM: number;
  confirmFixes: number;
  confirmSeconds: number | null;
};

function toFence(r: FenceRow): NamedFence {
  const shape =
    r.kind === "polygon"
      ? { kind: "polygon" as const, polygon: { type: "Feature" as const, properties: {}, geometry: r.polygon! } }
      : { kind: "circle" as const, center: [r.centerLon!, r.centerLat!] as [number, number], radiusM: r.radiusM! };
  const prepared = prepareFence({
    id: r.id,
    siteId: r.siteId,
    shape,
    bufferM: r.bufferM,
    confirmFixes: r.confirmFixes,
    confirmSeconds: r.confirmSeconds,
  });
  return { ...prepared, name: r.name, siteName: r.siteName };
}

async function loadTenant(sql: Sql, tenantId: string): Promise<TenantFences> {
  const [fenceRows, assignmentRows] = await Promise.all([
    sql<FenceRow[]>`
      select f.id, f.site_id as "siteId", s.name as "siteName", f.name, f.kind, f.polygon,
             f.center_lon as "centerLon", f.center_lat as "centerLat", f.radius_m as "radiusM",
             f.buffer_m as "bufferM", f.confirm_fixes as "confirmFixes", f.confirm_seconds as "confirmSeconds"
      from geofences f join sites s on s.id = f.site_id
      where f.tenant_id = ${tenantId}`,
    sql<(Assignment & { guardId: string })[]>`
      select a.guard_id as "guardId", a.site_id as "siteId", a.shifts, coalesce(a.timezone, s.timezone) as timezone
      from guard_assignments a join sites s on s.id = a.site_id
        join guards g on g.id = a.guard_id and g.deactivated_at is null
      where a.tenant_id = ${tenantId}`,
  ]);
  const fences = fenceRows.map(toFence);
  const bySite = new Map<string, NamedFence[]>();
  for (const fence of fences) bySite.set(fence.siteId, [...(bySite.get(fence.siteId) ?? []), fence]);
  const assignments = new Map<string, Assignment[]>();
  for (const { guardId, ...a } of assignmentRows) assignments.set(guardId, [...(assignments.get(guardId) ?? []), a]);

  return {
    index: buildFenceIndex(fences),
    byId: new Map(fences.map((f) => [f.id, f])),
    assignedFences(guardId, at) {
      const sites = assignments.get(guardId);
      if (!sites) return [];
      return sites
        .filter((a) => a.shifts.length === 0 || inWeeklyWindows(a.shifts, a.timezone, at))
        .flatMap((a) => bySite.get(a.siteId) ?? []);
    },
  };
}

export function createTenantFenceCache({ sql, ttlMs = 60_000 }: { sql: Sql; ttlMs?: number }): TenantFenceCache {
  return createPerTenantCache((tenantId) => loadTenant(sql, tenantId), ttlMs);
}
