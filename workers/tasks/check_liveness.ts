// Every minute: offline devices, devices back online, man-down (server/liveness/check-liveness.ts).
import type { Task } from "graphile-worker";
import { checkLiveness } from "../../server/liveness/check-liveness";
import type { TaskDeps } from "../task-deps";

export function check_liveness({ sql, broadcaster }: Pick<TaskDeps, "sql" | "broadcaster">): Task {
  return async (_payload, helpers) => {
    const summary = await checkLiveness(sql, broadcaster);
    if (summary.offline + summary.online + summary.manDownAsked + summary.manDown > 0)
      helpers.logger.info(JSON.stringify(summary));
  };
}
