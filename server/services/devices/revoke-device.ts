// Revokes a device: its credentials stop working and its broker connection
// is closed within seconds. The row and its history stay.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { toDeviceDto } from "../../presenters/devices/device-dto";
import { notifyRegistryChanged } from "../registry-changed";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function revokeDevice(db: Db, actor: Actor, externalId: string) {
  const { row, dto: before } = await findDevice(db, actor, externalId);
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(devices)
      .set({ revokedAt: new Date() })
      .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id), isNull(devices.revokedAt)))
      .returning();
    // Revoking a revoked device changes nothing, and records nothing.
    if (!revoked) return;
    const after = toDeviceDto(revoked, before.guardExternalId);
    await recordAuditEvent(tx, actor, { action: "revoke", entityType: "device", entityId: externalId, before, after });
  });
  await notifyRegistryChanged(db, externalId);
  return (await findDevice(db, actor, externalId)).dto;
}
