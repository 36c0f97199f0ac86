// Issues a new MQTT secret and tracking key (shown once) and re-enables a revoked device.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../observability/app-error";
import { toDeviceDto } from "../../presenters/devices/device-dto";
import { notifyRegistryChanged } from "../registry-changed";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashDeviceSecret, mosquittoPasswordHash, newDeviceSecret, newTrackingKey } from "../../auth/device-secret";

export async function rotateDeviceCredentials(db: Db, actor: Actor, externalId: string) {
  const { row, dto: before } = await findDevice(db, actor, externalId);
  const secret = newDeviceSecret();
  const trackingKey = newTrackingKey();
  const rotated = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(devices)
      .set({
        secretHash: hashDeviceSecret(secret),
        mosquittoHash: mosquittoPasswordHash(secret),
        trackingKeyHash: hashDeviceSecret(trackingKey),
        revokedAt: null,
      })
      .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id)))
      .returning();
    if (!updated) throw new AppError("not_found", `No device "${externalId}".`);
    const answer = {
      ...toDeviceDto(updated, before.guardExternalId),
      mqtt: { username: externalId, password: secret },
      trackingKey,
    };
    // The new password and key read [redacted] in the entry: it says they changed, never what they are.
    await recordAuditEvent(tx, actor, {
      action: "rotate_credentials",
      entityType: "device",
      entityId: externalId,
      before,
      after: answer,
    });
    return answer;
  });
  await notifyRegistryChanged(db, externalId);
  return rotated;
}
