// Issues a new MQTT secret and tracking key (shown once) and re-enables a revoked device.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { notifyRegistryChanged } from "../registry-changed";
import { hashDeviceSecret, mosquittoPasswordHash, newDeviceSecret, newTrackingKey } from "../../auth/device-secret";

export async function rotateDeviceCredentials(db: Db, actor: Actor, externalId: string) {
  const { row } = await findDevice(db, actor, externalId);
  const secret = newDeviceSecret();
  const trackingKey = newTrackingKey();
  await db
    .update(devices)
    .set({
      secretHash: hashDeviceSecret(secret),
      mosquittoHash: mosquittoPasswordHash(secret),
      trackingKeyHash: hashDeviceSecret(trackingKey),
      revokedAt: null,
    })
    .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id)));
  await notifyRegistryChanged(db, externalId);
  return {
    ...(await findDevice(db, actor, externalId)).dto,
    mqtt: { username: externalId, password: secret },
    trackingKey,
  };
}
