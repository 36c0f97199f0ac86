// Retention: drops each partitioned table's day partitions older than
// VIGIL_RETENTION_DAYS (whole tables: no row-by-row delete, no bloat) and
// deletes the default partition's rows past it.
import type { Task } from "graphile-worker";
import { partitionedTables } from "../../db/partitioned-tables";
import type { TaskDeps } from "../task-deps";

export function drop_expired_partitions({ retentionDays }: Pick<TaskDeps, "retentionDays">): Task {
  return async (_raw, helpers) => {
    for (const table of partitionedTables) {
      const { rows } = await helpers.query<{ dropped: number }>(
        `select vigil_drop_day_partitions($1, (now() at time zone 'UTC')::date - $2::int) as dropped`,
        [table, retentionDays],
      );
      const dropped = rows[0]?.dropped ?? 0;
      if (dropped > 0) helpers.logger.info(`dropped ${dropped} day partitions of ${table}`);
    }
  };
}
