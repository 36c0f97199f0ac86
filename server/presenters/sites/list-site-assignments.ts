// The guards assigned to one site, with their shifts (the site editor).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardAssignments, guards } from "../../../db/schema";
import type { SiteAssignmentDto } from "../../contracts/sites";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";

export async function listSiteAssignments(db: Db, actor: Actor, siteId: string): Promise<SiteAssignmentDto[]> {
  const rows = await db
    .select({
      guardExternalId: guards.externalId,
      guardName: guards.name,
      shifts: guardAssignments.shifts,
      timezone: guardAssignments.timezone,
      checkInMinutes: guardAssignments.checkInMinutes,
      graceSeconds: guardAssignments.graceSeconds,
      createdAt: guardAssignments.createdAt,
    })
    .from(guardAssignments)
    .innerJoin(guards, eq(guards.id, guardAssignments.guardId))
    .where(
      and(
        eq(guardAssignments.tenantId, actor.tenantId),
        siteInScope(actor, guardAssignments.siteId),
        eq(guardAssignments.siteId, siteId),
      ),
    )
    .orderBy(asc(guards.name), asc(guards.externalId));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
