// Geofence violations by day, site and guard: how many, how long outside (of
// those that have ended) and how far out at worst.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { geofenceViolations, guards, sites } from "../../../db/schema";
import type { GeofenceViolationsReport, ReportQuery } from "../../contracts/reports";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";
import { inLocalDays, localDay, siteTimezone } from "./local-day";

export async function geofenceViolationsReport(
  db: Db,
  actor: Actor,
  { from, to, siteId, guardId }: ReportQuery,
): Promise<GeofenceViolationsReport> {
  const v = geofenceViolations;
  const day = localDay(v.startedAt);
  const rows = await db
    .select({
      day,
      siteId: v.siteId,
      siteName: sql<string>`coalesce(${sites.name}, '(no site)')`,
      timezone: siteTimezone,
      guardId: v.guardId,
      guardExternalId: guards.externalId,
      guardName: guards.name,
      violations: sql<number>`count(*)::int`,
      secondsOutside: sql<number>`coalesce(sum(extract(epoch from ${v.endedAt} - ${v.startedAt})), 0)::float8`,
      maxMetresOutside: sql<number>`max(${v.metresOutside})`,
    })
    .from(v)
    .innerJoin(guards, and(eq(guards.id, v.guardId), eq(guards.tenantId, actor.tenantId)))
    .leftJoin(sites, and(eq(sites.id, v.siteId), eq(sites.tenantId, actor.tenantId)))
    .where(
      and(
        eq(v.tenantId, actor.tenantId),
        siteInScope(actor, v.siteId),
        inLocalDays(v.startedAt, from, to),
        siteId ? eq(v.siteId, siteId) : undefined,
        guardId ? eq(v.guardId, guardId) : undefined,
      ),
    )
    .groupBy(day, v.siteId, sites.name, siteTimezone, v.guardId, guards.externalId, guards.name)
    .orderBy(asc(day), asc(sql`coalesce(${sites.name}, '(no site)')`), asc(guards.name));
  return { from, to, rows, total: rows.reduce((sum, r) => sum + r.violations, 0) };
}
