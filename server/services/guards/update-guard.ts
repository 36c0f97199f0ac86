// A manager changes a guard's name or phone, or deactivates or reactivates
// them. A deactivated guard keeps their history and site assignments, but none
// of their shifts count (no geofence, man-down or patrol alerts); the ingest
// processes reload the tenant's fences and assignments at once.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { guards } from "../../../db/schema";
import type { GuardDto, UpdateGuardInput } from "../../contracts/api";
import { toGuardDto } from "../../presenters/guards/guard-dto";
import { findGuard } from "../../presenters/guards/find-guard";
import type { Actor } from "../../auth/actor";
import { announceFenceChange } from "../sites/save-site";

export async function updateGuard(
  db: Db,
  actor: Actor,
  externalId: string,
  input: UpdateGuardInput,
): Promise<GuardDto> {
  const guard = await findGuard(db, actor, externalId);
  const deactivatedAt =
    input.active === undefined ? guard.deactivatedAt : input.active ? null : (guard.deactivatedAt ?? new Date());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(guards)
      .set({
        name: input.name ?? guard.name,
        phone: input.phone === undefined ? guard.phone : input.phone,
        deactivatedAt,
      })
      .where(and(eq(guards.tenantId, actor.tenantId), eq(guards.id, guard.id)))
      .returning();
    if ((deactivatedAt === null) !== (guard.deactivatedAt === null)) await announceFenceChange(tx, actor.tenantId);
    return toGuardDto(row!);
  });
}
