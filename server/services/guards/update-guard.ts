// A manager changes a guard's name or phone, or deactivates or reactivates
// them. A deactivated guard keeps their history and site assignments, but none
// of their shifts count (no geofence, man-down or patrol alerts); the ingest
// processes reload the tenant's fences and assignments at once. The audit
// entry's action says which: "deactivate", "reactivate", or "update".
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { GuardDto, UpdateGuardInput } from "../../contracts/api";
import { toGuardDto } from "../../presenters/guards/guard-dto";
import { AppError } from "../../observability/app-error";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { announceFenceChange } from "../sites/save-site";

export async function updateGuard(
  db: Db,
  actor: Actor,
  externalId: string,
  input: UpdateGuardInput,
): Promise<GuardDto> {
  return db.transaction(async (tx) => {
    const [guard] = await tx
      .select()
      .from(guards)
      .where(and(eq(guards.tenantId, actor.tenantId), eq(guards.externalId, externalId)))
      .for("update");
    if (!guard) throw new AppError("not_found", `No guard "${externalId}".`);
    const deactivatedAt =
      input.active === undefined ? guard.deactivatedAt : input.active ? null : (guard.deactivatedAt ?? new Date());
    const [row] = await tx
      .update(guards)
      .set({
        name: input.name ?? guard.name,
        phone: input.phone === undefined ? guard.phone : input.phone,
        deactivatedAt,
      })
      .where(and(eq(guards.tenantId, actor.tenantId), eq(guards.id, guard.id)))
      .returning();
    const activeChanged = (deactivatedAt === null) !== (guard.deactivatedAt === null);
    if (activeChanged) await announceFenceChange(tx, actor.tenantId);
    const after = toGuardDto(row!);
    await recordAuditEvent(tx, actor, {
      action: !activeChanged ? "update" : deactivatedAt ? "deactivate" : "reactivate",
      entityType: "guard",
      entityId: guard.externalId,
      before: toGuardDto(guard),
      after,
    });
    return after;
  });
}
