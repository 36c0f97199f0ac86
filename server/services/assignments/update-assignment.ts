// Change some of an assignment's settings (shifts, time zone, lone-worker
// check-in interval and grace), leaving the rest as they were. The ingest
// processes reload the tenant's assignments.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guardAssignments } from "../../../db/schema";
import type { AssignmentDto, UpdateAssignmentInput } from "../../contracts/sites";
import { AppError } from "../../observability/app-error";
import { findGuard } from "../../presenters/guards/find-guard";
import { listAssignments } from "../../presenters/sites/list-assignments";
import type { Actor } from "../../auth/actor";
import { announceFenceChange } from "../sites/save-site";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assignmentState } from "./assign-guard";

export async function updateAssignment(
  db: Db,
  actor: Actor,
  externalId: string,
  siteId: string,
  input: UpdateAssignmentInput,
): Promise<AssignmentDto> {
  const guard = await findGuard(db, actor, externalId);
  await db.transaction(async (tx) => {
    const where = and(
      eq(guardAssignments.tenantId, actor.tenantId),
      eq(guardAssignments.guardId, guard.id),
      eq(guardAssignments.siteId, siteId),
    );
    const [before] = await tx.select().from(guardAssignments).where(where).for("update");
    if (!before) throw new AppError("not_found", "The guard is not assigned to that site.");
    const [after] = await tx
      .update(guardAssignments)
      .set({
        shifts: input.shifts ?? before.shifts,
        timezone: input.timezone === undefined ? before.timezone : input.timezone,
        checkInMinutes: input.checkInMinutes === undefined ? before.checkInMinutes : input.checkInMinutes,
        graceSeconds: input.graceSeconds ?? before.graceSeconds,
      })
      .where(where)
      .returning();
    await announceFenceChange(tx, actor.tenantId);
    await recordAuditEvent(tx, actor, {
      action: "update",
      entityType: "guard",
      entityId: externalId,
      before: assignmentState(before),
      after: assignmentState(after),
    });
  });
  const all = await listAssignments(db, actor, externalId);
  return all.find((a) => a.siteId === siteId)!;
}
