// Publishes a configuration version retained on device/{id}/config, unless a
// newer version exists (the retained message must always be the newest).
import { downlinkTopic } from "../../server/contracts/mqtt-topics";
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import type { TaskDeps } from "../task-deps";

export function publish_device_config({ publisher }: TaskDeps): Task {
  return async (raw, helpers) => {
    const { configId } = parseJobPayload("publish_device_config", raw);
    const { rows } = await helpers.query<{ version: number; config: unknown; external_id: string; newest: number }>(
      `select c.version, c.config, d.external_id,
              (select max(version) from device_configs n where n.device_id = c.device_id) as newest
       from device_configs c join devices d on d.id = c.device_id where c.id = $1`,
      [configId],
    );
    const config = rows[0];
    if (!config || config.version < config.newest) return;
    await publisher.publish(
      downlinkTopic("device", config.external_id, "config"),
      { version: config.version, config: config.config },
      { qos: 1, retain: true },
    );
    await helpers.query("update device_configs set published_at = now() where id = $1", [configId]);
  };
}
