// A tenant's sites with their geofences (a user limited to sites: only theirs).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { geofences, sites } from "../../../db/schema";
import type { GeofenceDto, SiteDto } from "../../contracts/sites";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";

type GeofenceRow = typeof geofences.$inferSelect;
type SiteRow = typeof sites.$inferSelect;

function toGeofenceDto(f: GeofenceRow): GeofenceDto {
  return {
    id: f.id,
    name: f.name,
    geometry: f.kind === "polygon" ? (f.polygon as GeofenceDto["geometry"]) : null,
    circle: f.kind === "circle" ? { center: [f.centerLon!, f.centerLat!], radiusM: f.radiusM! } : null,
    bufferM: f.bufferM,
    confirmFixes: f.confirmFixes,
    confirmSeconds: f.confirmSeconds,
  };
}

function toSiteDto(site: SiteRow, fences: GeofenceRow[]): SiteDto {
  return {
    id: site.id,
    name: site.name,
    timezone: site.timezone,
    armedSchedule: site.armedSchedule,
    geofences: fences.filter((f) => f.siteId === site.id).map(toGeofenceDto),
    createdAt: site.createdAt.toISOString(),
  };
}

async function withFences(db: Pick<Db, "select">, actor: Actor, rows: SiteRow[]): Promise<SiteDto[]> {
  if (rows.length === 0) return [];
  const fences = await db
    .select()
    .from(geofences)
    .where(
      and(
        eq(geofences.tenantId, actor.tenantId),
        inArray(
          geofences.siteId,
          rows.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(geofences.createdAt), asc(geofences.id));
  return rows.map((site) => toSiteDto(site, fences));
}

export async function listSites(db: Db, actor: Actor): Promise<SiteDto[]> {
  const rows = await db
    .select()
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), siteInScope(actor, sites.id)))
    .orderBy(asc(sites.name));
  return withFences(db, actor, rows);
}

/** One site; `db` may be a transaction (the services read the site before and after a change). */
export async function getSite(db: Pick<Db, "select">, actor: Actor, id: string): Promise<SiteDto> {
  const rows = await db
    .select()
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), siteInScope(actor, sites.id), eq(sites.id, id)));
  if (rows.length === 0) throw new AppError("not_found", "No such site.");
  return (await withFences(db, actor, rows))[0]!;
}
