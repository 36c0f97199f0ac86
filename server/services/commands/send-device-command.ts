// Queues a command for a device; a worker job publishes it on
// device/{id}/commands (QoS 1) and the device's answers move it along.
import type { Db } from "../../../db/client";
import { deviceCommands } from "../../../db/schema";
import type { SendCommandInput } from "../../contracts/api";
import { findDevice } from "../../presenters/devices/list-devices";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { enqueueJob } from "./enqueue-job";

export async function sendDeviceCommand(db: Db, actor: Actor, externalId: string, input: SendCommandInput) {
  const { row: device } = await findDevice(db, actor, externalId);
  return db.transaction(async (tx) => {
    const [command] = await tx
      .insert(deviceCommands)
      .values({
        tenantId: actor.tenantId,
        deviceId: device.id,
        type: input.type,
        params: input.params,
        expiresAt: new Date(Date.now() + input.ttlSeconds * 1000),
        createdBy: actor.userId,
      })
      .returning();
    await enqueueJob(tx, "publish_device_command", { commandId: command!.id }, { priority: -5 });
    await recordAuditEvent(tx, actor, {
      action: "send_command",
      entityType: "device",
      entityId: externalId,
      after: { commandId: command!.id, type: input.type, params: input.params, expiresAt: command!.expiresAt },
    });
    return command!;
  });
}
