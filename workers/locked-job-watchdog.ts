// Open-source graphile-worker leaves a crashed worker's jobs locked for up to
// 4 hours. Alert notification and escalation jobs cannot wait that long: a
// notification job locked for longer than any run of it can take (providers
// time out after NOTIFICATION_PROVIDER_TIMEOUT_MS, at most 30 s) belongs to a dead worker, and that worker is unlocked
// so its jobs run again within a minute. A training run whose worker died
// shows no progress for minutes: it is marked failed and its worker unlocked,
// which frees the one-at-a-time "ml" queue for the next run.
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import type { Logger } from "../server/observability/logger";
import type { Metrics } from "../server/observability/metrics";
import type { JobName } from "../server/contracts/jobs";

const WATCHED_TASKS: JobName[] = ["notify_alert", "fallback_notification", "deliver_notification"];
const STALE_AFTER_S = 40;
/** Epochs report every few seconds at most; this long without one means the worker is gone. */
const TRAINING_STALLED_AFTER_S = 300;

export async function startLockedJobWatchdog({
  connectionString,
  logger,
  metrics,
  checkEveryMs,
}: {
  connectionString: string;
  logger: Logger;
  metrics: Metrics;
  /** JOB_WATCHDOG_CHECK_MS: a job locked STALE_AFTER_S by a dead worker is freed within this much more. */
  checkEveryMs: number;
}): Promise<{ stop: () => Promise<void>; check: () => Promise<string[]> }> {
  const utils: WorkerUtils = await makeWorkerUtils({ connectionString });
  async function check(): Promise<string[]> {
    const { rows } = await utils.withPgClient((client) =>
      client.query<{ locked_by: string }>(
        `select distinct j.locked_by from graphile_worker._private_jobs j
         join graphile_worker._private_tasks t on t.id = j.task_id
         where j.locked_at < now() - make_interval(secs => $1) and t.identifier = any($2::text[])`,
        [STALE_AFTER_S, WATCHED_TASKS],
      ),
    );
    const stalled = await utils.withPgClient((client) =>
      client.query<{ locked_by: string | null }>(
        `with failed as (
           update training_runs r set status = 'failed', finished_at = now(),
                  error = 'The worker running it stopped: no progress for ' || $1 || ' s.'
           where r.status = 'running'
             and coalesce((r.progress->-1->>'at')::timestamptz, r.started_at) < now() - make_interval(secs => $1)
           returning r.id)
         select j.locked_by from failed
         left join graphile_worker._private_jobs j on j.payload->>'runId' = failed.id::text`,
        [TRAINING_STALLED_AFTER_S],
      ),
    );
    if (stalled.rows.length > 0)
      logger.warn({ runs: stalled.rows.length }, "failed training runs whose worker stopped");
    const workers = [...new Set([...rows, ...stalled.rows].map((r) => r.locked_by))].filter((w): w is string =>
      Boolean(w),
    );
    if (workers.length > 0) {
      await utils.forceUnlockWorkers(workers);
      metrics.jobsUnlocked.inc(workers.length);
      logger.warn({ workers }, "unlocked jobs of workers that stopped without finishing them");
    }
    return workers;
  }
  const timer = setInterval(
    () => void check().catch((error: unknown) => logger.warn({ err: error }, "watchdog check failed")),
    checkEveryMs,
  );
  timer.unref();
  return {
    check,
    async stop() {
      clearInterval(timer);
      await utils.release();
    },
  };
}
