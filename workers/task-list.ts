// The worker's handler for every task of the job list (server/contracts/jobs.ts): the type makes a task
// without a handler, or a handler without a task, a compile error.
import type { Task } from "graphile-worker";
import type { JobName } from "../server/contracts/jobs";
import type { TaskDeps } from "./task-deps";
import { advance_check_ins } from "./tasks/advance_check_ins";
import { advance_tour_runs } from "./tasks/advance_tour_runs";
import { check_liveness } from "./tasks/check_liveness";
import { create_day_partitions } from "./tasks/create_day_partitions";
import { deliver_notification } from "./tasks/deliver_notification";
import { drop_expired_partitions } from "./tasks/drop_expired_partitions";
import { expire_device_commands } from "./tasks/expire_device_commands";
import { fallback_notification } from "./tasks/fallback_notification";
import { notify_alert } from "./tasks/notify_alert";
import { prune_ingest_dedupe } from "./tasks/prune_ingest_dedupe";
import { publish_device_command } from "./tasks/publish_device_command";
import { publish_device_config } from "./tasks/publish_device_config";
import { purge_expired_sessions } from "./tasks/purge_expired_sessions";
import { retrain_false_alarm_models } from "./tasks/retrain_false_alarm_models";
import { score_alert } from "./tasks/score_alert";
import { send_password_reset } from "./tasks/send_password_reset";
import { sync_owntracks_waypoints } from "./tasks/sync_owntracks_waypoints";
import { train_false_alarm_model } from "./tasks/train_false_alarm_model";

export function createTaskList(deps: TaskDeps): Record<JobName, Task> {
  return {
    purge_expired_sessions,
    check_liveness: check_liveness(deps),
    advance_tour_runs: advance_tour_runs(deps),
    advance_check_ins: advance_check_ins(deps),
    prune_ingest_dedupe,
    create_day_partitions,
    drop_expired_partitions: drop_expired_partitions(deps),
    expire_device_commands: expire_device_commands(deps),
    notify_alert,
    fallback_notification,
    deliver_notification: deliver_notification(deps),
    publish_device_command: publish_device_command(deps),
    publish_device_config: publish_device_config(deps),
    sync_owntracks_waypoints,
    train_false_alarm_model: train_false_alarm_model(deps),
    retrain_false_alarm_models: retrain_false_alarm_models(deps),
    score_alert: score_alert(deps),
    send_password_reset: send_password_reset(deps),
  };
}
