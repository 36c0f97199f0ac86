// Every minute: lone workers whose check-in is due get the pre-alarm on their phones, those past the grace a
// check-in-missed alert (server/services/check-ins/advance-check-ins.ts).
import type { Task } from "graphile-worker";
import { advanceCheckIns } from "../../server/services/check-ins/advance-check-ins";
import type { TaskDeps } from "../task-deps";

export function advance_check_ins({ sql, broadcaster }: Pick<TaskDeps, "sql" | "broadcaster">): Task {
  return async (_payload, helpers) => {
    const summary = await advanceCheckIns(sql, broadcaster);
    if (summary.preAlarms + summary.missed > 0) helpers.logger.info(JSON.stringify(summary));
  };
}
