// Adds a graphile-worker job inside the caller's transaction, so the job
// exists exactly when the row that needs it does.
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { metrics } from "../../observability/metrics";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function enqueueJob(
  tx: Tx | Db,
  task: string,
  payload: Record<string, unknown>,
  {
    jobKey,
    priority = 0,
    maxAttempts = 10,
    queue,
  }: { jobKey?: string; priority?: number; maxAttempts?: number; queue?: string } = {},
): Promise<void> {
  await tx.execute(sql`
    select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json,
      queue_name => ${queue ?? null}, max_attempts => ${maxAttempts}, job_key => ${jobKey ?? null}, priority => ${priority})`);
  metrics.jobsQueued.inc({ task });
}
