// Revokes a device: its credentials stop working and its broker connection
// is closed within seconds. The row and its history stay.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { notifyRegistryChanged } from "../registry-changed";

export async function revokeDevice(db: Db, actor: Actor, externalId: string) {
  const { row } = await findDevice(db, actor, externalId);
  await db
    .update(devices)
    .set({ revokedAt: new Date() })
    .where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id), isNull(devices.revokedAt)));
  await notifyRegistryChanged(db, externalId);
  return (await findDevice(db, actor, externalId)).dto;
}
