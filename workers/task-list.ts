import type { TaskList } from "graphile-worker";
import type { TaskDeps } from "./task-deps";
import { check_liveness } from "./tasks/check_liveness";
import { deliver_notification } from "./tasks/deliver_notification";
import { expire_device_commands } from "./tasks/expire_device_commands";
import { notify_alert } from "./tasks/notify_alert";
import { prune_ingest_dedupe } from "./tasks/prune_ingest_dedupe";
import { publish_device_command } from "./tasks/publish_device_command";
import { publish_device_config } from "./tasks/publish_device_config";
import { purge_expired_sessions } from "./tasks/purge_expired_sessions";

export function createTaskList(deps: TaskDeps): TaskList {
  return {
    purge_expired_sessions,
    check_liveness: check_liveness(deps),
    prune_ingest_dedupe,
    expire_device_commands: expire_device_commands(deps),
    notify_alert,
    deliver_notification: deliver_notification(deps),
    publish_device_command: publish_device_command(deps),
    publish_device_config: publish_device_config(deps),
  };
}
