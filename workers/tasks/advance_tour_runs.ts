// Every minute: tour runs that became due are made, runs whose window closed unfinished are missed with an alert
// (server/services/patrols/advance-tour-runs.ts).
import type { Task } from "graphile-worker";
import { advanceTourRuns } from "../../server/services/patrols/advance-tour-runs";
import type { TaskDeps } from "../task-deps";

export function advance_tour_runs({ sql, broadcaster }: Pick<TaskDeps, "sql" | "broadcaster">): Task {
  return async (_payload, helpers) => {
    const summary = await advanceTourRuns(sql, broadcaster);
    if (summary.made + summary.missed > 0) helpers.logger.info(JSON.stringify(summary));
  };
}
