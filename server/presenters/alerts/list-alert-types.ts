// The alert types the tenant has seen, for the history's type filter.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { alerts } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import { alertInScope } from "../../auth/site-scope";

export async function listAlertTypes(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ type: alerts.type })
    .from(alerts)
    .where(and(eq(alerts.tenantId, actor.tenantId), alertInScope(actor, alerts)))
    .orderBy(asc(alerts.type));
  return rows.map((r) => r.type);
}
