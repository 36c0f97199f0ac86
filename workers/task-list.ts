import type { TaskList } from "graphile-worker";
import type { TaskDeps } from "./task-deps";
import { create_day_partitions } from "./tasks/create_day_partitions";
import { deliver_notification } from "./tasks/deliver_notification";
import { drop_expired_partitions } from "./tasks/drop_expired_partitions";
import { expire_device_commands } from "./tasks/expire_device_commands";
import { notify_alert } from "./tasks/notify_alert";
import { prune_ingest_dedupe } from "./tasks/prune_ingest_dedupe";
import { publish_device_command } from "./tasks/publish_device_command";
import { publish_device_config } from "./tasks/publish_device_config";
import { purge_expired_sessions } from "./tasks/purge_expired_sessions";

export function createTaskList(deps: TaskDeps): TaskList {
  return {
    purge_expired_sessions,
    prune_ingest_dedupe,
    create_day_partitions,
    drop_expired_partitions: drop_expired_partitions(deps),
    expire_device_commands: expire_device_commands(deps),
    notify_alert,
    deliver_notification: deliver_notification(deps),
    publish_device_command: publish_device_command(deps),
    publish_device_config: publish_device_config(deps),
  };
}
