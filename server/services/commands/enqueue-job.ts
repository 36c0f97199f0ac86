// Adds a graphile-worker job inside the caller's transaction, so the job
// exists exactly when the row that needs it does. The task, its payload's type,
// key, queue and attempts come from the job list (contracts/jobs.ts).
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { jobSql, type JobName, type JobPayloadInput } from "../../contracts/jobs";
import { metrics } from "../../observability/metrics";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function enqueueJob<N extends JobName>(
  tx: Tx | Db,
  task: N,
  payload: JobPayloadInput<N>,
  {
    key,
    priority,
  }: {
    /** The job's key, from `jobKey(task, id)`. */
    key?: string;
    /** Overrides the list's priority. */
    priority?: number;
  } = {},
): Promise<void> {
  const job = jobSql(task);
  await tx.execute(sql`
    select graphile_worker.add_job(${job.name}::text, ${JSON.stringify(payload)}::json,
      queue_name => ${job.queue}::text, max_attempts => ${job.maxAttempts}::int, job_key => ${key ?? null}::text,
      priority => ${priority ?? job.priority}::int)`);
  metrics.jobsQueued.inc({ task });
}
