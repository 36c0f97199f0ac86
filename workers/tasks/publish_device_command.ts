// Publishes a queued command on device/{id}/commands (QoS 1) and marks it sent;
// a command past its expiry is marked expired instead. An OwnTracks phone gets
// the app's own `cmd` on its own topic (contracts/owntracks-commands.ts), or,
// when it posts over HTTP, finds the command in the answer to its next post. A
// sensor behind a Zigbee2MQTT gateway gets its command's params as the JSON
// object Zigbee2MQTT takes on `{base}/{friendly name}/set` (e.g. `{"state":
// "ON"}`); Zigbee2MQTT does not answer commands, so such a command stays `sent`
// (expiry leaves it). A guard phone's `check-in-due` (the lone-worker
// pre-alarm) also goes as a web push, "Check in now", to its guard app's push
// subscriptions (push-to-device.ts).
import { downlinkTopic, zigbee2MqttSetTopic } from "../../server/contracts/mqtt-topics";
import {
  OWNTRACKS_HTTP_RECENT_MS,
  ownTracksCommandFor,
  ownTracksCommandTopic,
} from "../../server/contracts/owntracks-commands";
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import { socketEvents } from "../../server/contracts/socket-events";
import type { TaskDeps } from "../task-deps";
import { pushForCommand, pushToDevice } from "../push-to-device";

type Row = {
  id: string;
  tenant_id: string;
  device_id: string;
  type: string;
  params: unknown;
  status: string;
  expires_at: Date;
  external_id: string;
  owntracks_topic: string | null;
  owntracks_http_at: Date | null;
  gateway_external_id: string | null;
  gateway_address: string | null;
};

/** Where and what to publish: a gateway sensor's set, the app's own command for an OwnTracks phone, else Vigil's. */
function downlink(command: Row): { topic: string; payload: unknown } | "waits-for-http" {
  if (command.gateway_external_id !== null && command.gateway_address !== null) {
    return {
      topic: zigbee2MqttSetTopic(command.gateway_external_id, command.gateway_address),
      payload: command.params ?? {},
    };
  }
  const ownTracks = ownTracksCommandFor(command.type, command.params);
  if (ownTracks && command.owntracks_topic) {
    const postsOverHttp =
      command.owntracks_http_at !== null && Date.now() - command.owntracks_http_at.getTime() < OWNTRACKS_HTTP_RECENT_MS;
    return postsOverHttp
      ? "waits-for-http"
      : { topic: ownTracksCommandTopic(command.owntracks_topic), payload: ownTracks };
  }
  return {
    topic: downlinkTopic("device", command.external_id, "commands"),
    payload: {
      command_id: command.id,
      type: command.type,
      params: command.params,
      expires_at: command.expires_at.toISOString(),
    },
  };
}

export function publish_device_command({ publisher, broadcaster, channels }: TaskDeps): Task {
  return async (raw, helpers) => {
    const { commandId } = parseJobPayload("publish_device_command", raw);
    const { rows } = await helpers.query<Row>(
      `select c.id, c.tenant_id, c.device_id, c.type, c.params, c.status, c.expires_at, d.external_id, d.owntracks_topic,
              d.owntracks_http_at, gw.external_id as gateway_external_id, d.gateway_address
       from device_commands c join devices d on d.id = c.device_id
       left join devices gw on gw.id = d.gateway_id and gw.tenant_id = d.tenant_id
       where c.id = $1`,
      [commandId],
    );
    const command = rows[0];
    if (!command || command.status !== "queued") return;
    const expired = command.expires_at.getTime() <= Date.now();
    if (!expired) {
      const target = downlink(command);
      if (target === "waits-for-http") return;
      await publisher.publish(target.topic, target.payload, { qos: 1 });
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
      const push = status === "sent" ? pushForCommand(command.type, command.id) : null;
      if (push) {
        await pushToDevice(helpers, channels.push, {
          tenantId: command.tenant_id,
          deviceId: command.device_id,
          message: push,
        });
      }
    }
  };
}
