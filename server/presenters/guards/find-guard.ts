import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { guardInScope } from "../../auth/site-scope";

/** The tenant's guard with this external id, or a 404 (also for other tenants' guards and, for a user limited
 * to sites, for guards of none of them). */
export async function findGuard(db: Db, actor: Actor, externalId: string) {
  const [row] = await db
    .select()
    .from(guards)
    .where(and(eq(guards.tenantId, actor.tenantId), guardInScope(actor, guards.id), eq(guards.externalId, externalId)));
  if (!row) throw new AppError("not_found", `No guard "${externalId}".`);
  return row;
}
