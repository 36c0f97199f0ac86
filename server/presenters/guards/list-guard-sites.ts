// The sites each of the tenant's guards is assigned to, by guard external id
// (the guards page shows them in one query rather than one call per guard).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardAssignments, guards, sites } from "../../../db/schema";
import type { GuardSiteDto } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";

export async function listGuardSites(db: Db, actor: Actor): Promise<Record<string, GuardSiteDto[]>> {
  const rows = await db
    .select({ guard: guards.externalId, siteId: sites.id, siteName: sites.name })
    .from(guardAssignments)
    .innerJoin(guards, eq(guards.id, guardAssignments.guardId))
    .innerJoin(sites, eq(sites.id, guardAssignments.siteId))
    .where(
      and(
        eq(guardAssignments.tenantId, actor.tenantId),
        eq(guards.tenantId, actor.tenantId),
        siteInScope(actor, sites.id),
      ),
    )
    .orderBy(asc(sites.name));
  const byGuard: Record<string, GuardSiteDto[]> = {};
  for (const { guard, ...site } of rows) (byGuard[guard] ??= []).push(site);
  return byGuard;
}
