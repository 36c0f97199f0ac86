// A guard's site assignments with their shifts.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardAssignments, sites } from "../../../db/schema";
import type { AssignmentDto } from "../../contracts/sites";
import type { Actor } from "../../auth/actor";
import { siteInScope } from "../../auth/site-scope";
import { findGuard } from "../guards/find-guard";

export async function listAssignments(db: Db, actor: Actor, externalId: string): Promise<AssignmentDto[]> {
  const guard = await findGuard(db, actor, externalId);
  const rows = await db
    .select({
      siteId: guardAssignments.siteId,
      siteName: sites.name,
      shifts: guardAssignments.shifts,
      timezone: guardAssignments.timezone,
      checkInMinutes: guardAssignments.checkInMinutes,
      graceSeconds: guardAssignments.graceSeconds,
      siteTimezone: sites.timezone,
      createdAt: guardAssignments.createdAt,
    })
    .from(guardAssignments)
    .innerJoin(sites, eq(sites.id, guardAssignments.siteId))
    .where(
      and(
        eq(guardAssignments.tenantId, actor.tenantId),
        eq(guardAssignments.guardId, guard.id),
        siteInScope(actor, sites.id),
      ),
    )
    .orderBy(asc(sites.name));
  return rows.map((r) => ({
    siteId: r.siteId,
    siteName: r.siteName,
    shifts: r.shifts,
    timezone: r.timezone ?? r.siteTimezone,
    checkInMinutes: r.checkInMinutes,
    graceSeconds: r.graceSeconds,
    createdAt: r.createdAt.toISOString(),
  }));
}
