// A guard's fixes in a time range, oldest first.
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardLocations } from "../../../db/schema";
import type { LocationDto } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { findGuard } from "./find-guard";

export async function listGuardLocations(
  db: Db,
  actor: Actor,
  { externalId, since, until, limit }: { externalId: string; since?: string; until?: string; limit: number },
): Promise<LocationDto[]> {
  const guard = await findGuard(db, actor, externalId);
  const rows = await db
    .select()
    .from(guardLocations)
    .where(
      and(
        eq(guardLocations.tenantId, actor.tenantId),
        eq(guardLocations.guardId, guard.id),
        since ? gte(guardLocations.recordedAt, new Date(since)) : undefined,
        until ? lte(guardLocations.recordedAt, new Date(until)) : undefined,
      ),
    )
    .orderBy(asc(guardLocations.recordedAt), asc(guardLocations.id))
    .limit(limit);
  return rows.map((r) => ({
    recordedAt: r.recordedAt.toISOString(),
    lat: r.lat,
    lon: r.lon,
    accuracyM: r.accuracyM,
    speed: r.speed,
    heading: r.heading,
    battery: r.battery,
    geofenceViolation: r.geofenceViolation,
  }));
}
