// Creates each partitioned table's partitions for today and the coming days
// (UTC), so rows land in their day's partition rather than the default one.
// Rows already in the default partition for a new day move into it
// (vigil_create_day_partition, migration 0010).
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import { partitionedTables } from "../../db/partitioned-tables";

export const create_day_partitions: Task = async (raw, helpers) => {
  const { daysAhead } = parseJobPayload("create_day_partitions", raw);
  for (const table of partitionedTables) {
    const { rows } = await helpers.query<{ created: number }>(
      `select count(*) filter (where vigil_create_day_partition($1, day::date))::int as created
       from generate_series((now() at time zone 'UTC')::date, (now() at time zone 'UTC')::date + $2::int, '1 day') as day`,
      [table, daysAhead],
    );
    const created = rows[0]?.created ?? 0;
    if (created > 0) helpers.logger.info(`created ${created} day partitions of ${table}`);
  }
};
