// Deletes a device and its telemetry; it is disconnected within seconds.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { devices } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../actor";
import { notifyRegistryChanged } from "../registry-changed";

export async function deleteDevice(db: Db, actor: Actor, externalId: string): Promise<void> {
  const { row } = await findDevice(db, actor, externalId);
  await db.delete(devices).where(and(eq(devices.tenantId, actor.tenantId), eq(devices.id, row.id)));
  await notifyRegistryChanged(db, externalId);
}
