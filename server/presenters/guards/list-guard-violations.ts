// A guard's geofence violations in a time range, oldest first, each with why it was raised.
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { geofenceViolations } from "../../../db/schema";
import type { ViolationDto } from "../../contracts/sites";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";
import { findGuard } from "./find-guard";

export async function listGuardViolations(
  db: Db,
  actor: Actor,
  { externalId, since, until, limit }: { externalId: string; since?: string; until?: string; limit: number },
): Promise<ViolationDto[]> {
  const guard = await findGuard(db, actor, externalId);
  const rows = await db
    .select()
    .from(geofenceViolations)
    .where(
      and(
        eq(geofenceViolations.tenantId, actor.tenantId),
        eq(geofenceViolations.guardId, guard.id),
        siteInScope(actor, geofenceViolations.siteId),
        since ? gte(geofenceViolations.startedAt, new Date(since)) : undefined,
        until ? lte(geofenceViolations.startedAt, new Date(until)) : undefined,
      ),
    )
    .orderBy(asc(geofenceViolations.startedAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    geofenceId: r.geofenceId,
    siteId: r.siteId,
    alertId: r.alertId,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    lat: r.lat,
    lon: r.lon,
    metresOutside: r.metresOutside,
    accuracyM: r.accuracyM,
    confirmedFixes: r.confirmedFixes,
    confirmedSeconds: r.confirmedSeconds,
  }));
}
