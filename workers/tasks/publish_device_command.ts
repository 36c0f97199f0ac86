// Publishes a queued command on device/{id}/commands (QoS 1) and marks it sent;
// a command past its expiry is marked expired instead. A sensor behind a
// Zigbee2MQTT gateway gets its command's params as the JSON object Zigbee2MQTT
// takes on `{base}/{friendly name}/set` (e.g. `{"state": "ON"}`); Zigbee2MQTT
// does not answer commands, so such a command stays `sent` (expiry leaves it).
import { downlinkTopic, zigbee2MqttSetTopic } from "../../server/contracts/mqtt-topics";
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
  gateway_external_id: string | null;
  gateway_address: string | null;
};

export function publish_device_command({ publisher, broadcaster }: TaskDeps): Task {
  return async (raw, helpers) => {
    const { commandId } = parseJobPayload("publish_device_command", raw);
    const { rows } = await helpers.query<Row>(
      `select c.id, c.tenant_id, c.type, c.params, c.status, c.expires_at, d.external_id,
              gw.external_id as gateway_external_id, d.gateway_address
       from device_commands c join devices d on d.id = c.device_id
       left join devices gw on gw.id = d.gateway_id and gw.tenant_id = d.tenant_id
       where c.id = $1`,
      [commandId],
    );
    const command = rows[0];
    if (!command || command.status !== "queued") return;
    const expired = command.expires_at.getTime() <= Date.now();
    if (!expired && command.gateway_external_id !== null && command.gateway_address !== null) {
      const topic = zigbee2MqttSetTopic(command.gateway_external_id, command.gateway_address);
      await publisher.publish(topic, command.params ?? {}, { qos: 1 });
    } else if (!expired) {
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
