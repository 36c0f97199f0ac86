// Assign a guard to a site with weekly shifts and check-in settings (again:
// all of them are replaced), or take the assignment away. The ingest processes
// reload the fences, and the guard's OwnTracks phones are sent their regions.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardAssignments } from "../../../db/schema";
import type { AssignmentDto, AssignmentInput } from "../../contracts/sites";
import { AppError } from "../../observability/app-error";
import { findGuard } from "../../presenters/guards/find-guard";
import { listAssignments } from "../../presenters/sites/list-assignments";
import type { Actor } from "../../auth/actor";
import { assertTenantSite } from "../sites/assert-tenant-site";
import { announceFenceChange } from "../sites/save-site";
import { recordAuditEvent } from "../audit/record-audit-event";
import { syncOwnTracksWaypoints } from "../sites/sync-owntracks-waypoints";

type AssignmentRow = typeof guardAssignments.$inferSelect;

/** An assignment as the audit log shows it, before or after. */
export function assignmentState(row: AssignmentRow | undefined) {
  return (
    row && {
      siteId: row.siteId,
      shifts: row.shifts,
      timezone: row.timezone,
      checkInMinutes: row.checkInMinutes,
      graceSeconds: row.graceSeconds,
    }
  );
}

export async function assignGuard(
  db: Db,
  actor: Actor,
  externalId: string,
  input: AssignmentInput,
): Promise<AssignmentDto> {
  const guard = await findGuard(db, actor, externalId);
  if (guard.deactivatedAt) {
    const message = "This guard is deactivated: reactivate them before assigning a site.";
    throw new AppError("conflict", message, { issues: [{ path: "siteId", message }] });
  }
  await assertTenantSite(db, actor, input.siteId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(guardAssignments)
      .where(and(eq(guardAssignments.guardId, guard.id), eq(guardAssignments.siteId, input.siteId)))
      .for("update");
    const [after] = await tx
      .insert(guardAssignments)
      .values({
        tenantId: actor.tenantId,
        guardId: guard.id,
        siteId: input.siteId,
        shifts: input.shifts,
        timezone: input.timezone ?? null,
        checkInMinutes: input.checkInMinutes,
        graceSeconds: input.graceSeconds,
      })
      .onConflictDoUpdate({
        target: [guardAssignments.guardId, guardAssignments.siteId],
        set: {
          shifts: input.shifts,
          timezone: input.timezone ?? null,
          checkInMinutes: input.checkInMinutes,
          graceSeconds: input.graceSeconds,
        },
      })
      .returning();
    await announceFenceChange(tx, actor.tenantId);
    await syncOwnTracksWaypoints(tx, actor.tenantId);
    await recordAuditEvent(tx, actor, {
      action: "assign",
      entityType: "guard",
      entityId: externalId,
      before: assignmentState(before),
      after: assignmentState(after),
    });
  });
  const all = await listAssignments(db, actor, externalId);
  return all.find((a) => a.siteId === input.siteId)!;
}

export async function unassignGuard(db: Db, actor: Actor, externalId: string, siteId: string): Promise<void> {
  const guard = await findGuard(db, actor, externalId);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(guardAssignments)
      .where(
        and(
          eq(guardAssignments.tenantId, actor.tenantId),
          eq(guardAssignments.guardId, guard.id),
          eq(guardAssignments.siteId, siteId),
        ),
      )
      .returning();
    if (gone.length === 0) throw new AppError("not_found", "The guard is not assigned to that site.");
    await announceFenceChange(tx, actor.tenantId);
    await syncOwnTracksWaypoints(tx, actor.tenantId);
    await recordAuditEvent(tx, actor, {
      action: "unassign",
      entityType: "guard",
      entityId: externalId,
      before: assignmentState(gone[0]),
    });
  });
}
