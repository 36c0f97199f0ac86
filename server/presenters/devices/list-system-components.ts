// The newest health report per metric of one device (gateways and site
// controllers report on system/{component}/{metric}), from the "latest"
// companion table, so it never scans the history.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { systemComponents } from "../../../db/schema";
import type { SystemComponentDto } from "../../contracts/system-health";
import type { Actor } from "../../auth/actor";

export async function listSystemComponents(db: Db, actor: Actor, deviceId: string): Promise<SystemComponentDto[]> {
  const rows = await db
    .select()
    .from(systemComponents)
    .where(and(eq(systemComponents.tenantId, actor.tenantId), eq(systemComponents.deviceId, deviceId)))
    .orderBy(asc(systemComponents.metric));
  return rows.map((r) => ({
    metric: r.metric,
    status: r.status,
    value: r.valueNum ?? r.valueText,
    recordedAt: r.recordedAt.toISOString(),
  }));
}
