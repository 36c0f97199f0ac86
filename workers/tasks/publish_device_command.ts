// Publishes a queued command on device/{id}/commands (QoS 1) and marks it sent;
// a command past its expiry is marked expired instead.
import { downlinkTopic } from "../../server/contracts/mqtt-topics";
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import { socketEvents } from "../../server/contracts/socket-events";
import type { TaskDeps } from "../task-deps";

type Row = {
  id: string;
  tenant_id: string;
  type: string;
  params: unknown;
  status: string;
  expires_at: Date;
  external_id: string;
};

export function publish_device_command({ publisher, broadcaster }: TaskDeps): Task {
  return async (raw, helpers) => {
    const { commandId } = parseJobPayload("publish_device_command", raw);
    const { rows } = await helpers.query<Row>(
      `select c.id, c.tenant_id, c.type, c.params, c.status, c.expires_at, d.external_id
       from device_commands c join devices d on d.id = c.device_id where c.id = $1`,
      [commandId],
    );
    const command = rows[0];
    if (!command || command.status !== "queued") return;
    const expired = command.expires_at.getTime() <= Date.now();
    if (!expired) {
      await publisher.publish(
        downlinkTopic("device", command.external_id, "commands"),
        {
          command_id: command.id,
          type: command.type,
          params: command.params,
          expires_at: command.expires_at.toISOString(),
        },
        { qos: 1 },
      );
    }
    const status = expired ? "expired" : "sent";
    const updated = await helpers.query(
      `update device_commands set status = $2::command_status, sent_at = case when $2 = 'sent' then now() else sent_at end
       where id = $1 and status = 'queued'`,
      [command.id, status],
    );
    if (updated.rowCount) {
      broadcaster.toTenant(command.tenant_id, socketEvents.commandsChanged, [
        { commandId: command.id, deviceExternalId: command.external_id, status },
      ]);
    }
  };
}
