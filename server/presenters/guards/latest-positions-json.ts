// Every guard's newest position as the JSON text of LatestPositionRow[]
// (server/contracts/positions.ts), built by PostgreSQL: the NOC loads all of
// a tenant's guards at once, and 5,000 rows parsed into objects and
// serialised again cost the server more than the query itself.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardPositions, guards } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { guardInScope } from "../../auth/site-scope";

// The same text as Date.toISOString(), which the socket events' recordedAt use: the
// position store compares the two as strings to keep the newest fix.
const recordedAtIso = sql`to_char(${guardPositions.recordedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function latestPositionsJson(db: Db, actor: Actor): Promise<string> {
  const [result] = await db
    .select({
      json: sql<string>`coalesce(json_agg(json_build_array(
        ${guards.id}, ${guards.externalId}, ${guards.name}, ${guardPositions.lat}, ${guardPositions.lon},
        ${guardPositions.accuracyM}, ${guardPositions.battery}, ${recordedAtIso})), '[]')::text`,
    })
    .from(guardPositions)
    .innerJoin(guards, eq(guards.id, guardPositions.guardId))
    .where(and(eq(guardPositions.tenantId, actor.tenantId), guardInScope(actor, guards.id)));
  return result?.json ?? "[]";
}
