// A site id given in a request must be one of the actor's tenant's sites: in a body or query a 422 on the field, in
// the path a 404 (another tenant's site is as unknown as none, and so is a site a user limited to sites is not
// limited to).
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { sites } from "../../../db/schema";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";

async function isTenantSite(db: Db, actor: Actor, siteId: string): Promise<boolean> {
  const [site] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), siteInScope(actor, sites.id), eq(sites.id, siteId)));
  return site !== undefined;
}

export async function assertTenantSite(
  db: Db,
  actor: Actor,
  siteId: string | undefined,
  field = "siteId",
): Promise<void> {
  if (!siteId || (await isTenantSite(db, actor, siteId))) return;
  throw new AppError("invalid_input", "Unknown site.", { issues: [{ path: field, message: "no such site" }] });
}

/** For a site named in the path. */
export async function requireTenantSite(db: Db, actor: Actor, siteId: string): Promise<void> {
  if (!(await isTenantSite(db, actor, siteId))) throw new AppError("not_found", "No such site.");
}
