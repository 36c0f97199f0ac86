// Stores the next configuration version for a device; a worker job publishes
// it retained on device/{id}/config, so the device gets it whenever it connects.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { deviceConfigs } from "../../../db/schema";
import { findDevice } from "../../presenters/devices/list-devices";
import { conflictOnDuplicate } from "../unique-violation";
import type { Actor } from "../../auth/actor";
import { jobKey } from "../../contracts/jobs";
import { recordAuditEvent } from "../audit/record-audit-event";
import { enqueueJob } from "./enqueue-job";

export async function setDeviceConfig(db: Db, actor: Actor, externalId: string, config: Record<string, unknown>) {
  const { row: device } = await findDevice(db, actor, externalId);
  return conflictOnDuplicate("config", "Another configuration was saved at the same moment; try again.", () =>
    db.transaction(async (tx) => {
      const [latest] = await tx
        .select({ version: deviceConfigs.version, config: deviceConfigs.config })
        .from(deviceConfigs)
        .where(and(eq(deviceConfigs.tenantId, actor.tenantId), eq(deviceConfigs.deviceId, device.id)))
        .orderBy(desc(deviceConfigs.version))
        .limit(1);
      const [saved] = await tx
        .insert(deviceConfigs)
        .values({
          tenantId: actor.tenantId,
          deviceId: device.id,
          version: (latest?.version ?? 0) + 1,
          config,
          createdBy: actor.userId,
        })
        .returning();
      await enqueueJob(
        tx,
        "publish_device_config",
        { configId: saved!.id },
        { key: jobKey("publish_device_config", device.id) },
      );
      await recordAuditEvent(tx, actor, {
        action: "set_config",
        entityType: "device",
        entityId: externalId,
        before: latest,
        after: { version: saved!.version, config },
      });
      return saved!;
    }),
  );
}
