// A site id given in a request must be one of the actor's tenant's sites; else a 422 on the field.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { sites } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";

export async function assertTenantSite(
  db: Db,
  actor: Actor,
  siteId: string | undefined,
  field = "siteId",
): Promise<void> {
  if (!siteId) return;
  const [site] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), eq(sites.id, siteId)));
  if (!site)
    throw new AppError("invalid_input", "Unknown site.", { issues: [{ path: field, message: "no such site" }] });
}

/** For a site named in the path: a site of another tenant, or none, is a 404. */
export async function requireTenantSite(db: Db, actor: Actor, siteId: string): Promise<void> {
  const [site] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), eq(sites.id, siteId)));
  if (!site) throw new AppError("not_found", "No such site.");
}
