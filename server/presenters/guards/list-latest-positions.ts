// Every guard's newest position, for the NOC map's first paint and reconnects.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardPositions, guards } from "../../../db/schema";
import type { GuardPositionDto } from "../../contracts/socket-events";
import type { Actor } from "../../auth/actor";
import { guardInScope } from "../../auth/site-scope";

export async function listLatestPositions(db: Db, actor: Actor): Promise<GuardPositionDto[]> {
  const rows = await db
    .select({
      guardId: guards.id,
      externalId: guards.externalId,
      name: guards.name,
      lat: guardPositions.lat,
      lon: guardPositions.lon,
      accuracyM: guardPositions.accuracyM,
      battery: guardPositions.battery,
      recordedAt: guardPositions.recordedAt,
    })
    .from(guardPositions)
    .innerJoin(guards, eq(guards.id, guardPositions.guardId))
    .where(and(eq(guardPositions.tenantId, actor.tenantId), guardInScope(actor, guards.id)));
  return rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
}
