// Deletes a device and its history (high-volume tables carry no foreign
// keys, so the rows go here); it is disconnected within seconds. The removal
// is recorded (who, when, the device as it was), which frees its id for reuse.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices, deviceTelemetry, sensorReadings, systemHealth } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { recordDeletion } from "../record-deletion";
import { notifyRegistryChanged } from "../registry-changed";
import { recordAuditEvent } from "../audit/record-audit-event";

export async function deleteDevice(db: Db, actor: Actor, externalId: string): Promise<void> {
  const { row, dto } = await findDevice(db, actor, externalId);
  await db.transaction(async (tx) => {
    for (const table of [deviceTelemetry, sensorReadings, systemHealth]) {
      await tx.delete(table).where(and(eq(table.tenantId, actor.tenantId), eq(table.deviceId, row.id)));
    }
    await tx.delete(devices).where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id)));
    await recordAuditEvent(tx, actor, { action: "delete", entityType: "device", entityId: externalId, before: dto });
    await recordDeletion(tx, actor, {
      kind: "device",
      entityId: row.id,
      label: row.externalId,
      before: { externalId: row.externalId, kind: row.kind, name: row.name, guardExternalId: dto.guardExternalId },
    });
  });
  await notifyRegistryChanged(db, externalId);
}
