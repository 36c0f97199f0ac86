// The worker role: graphile-worker in this process, with metrics per job.
import { Logger as WorkerLogger, run, type Runner } from "graphile-worker";
import type { Logger } from "../server/observability/logger";
import type { Metrics } from "../server/observability/metrics";
import { buildCrontab } from "./crontab";
import { createTaskList } from "./task-list";
import type { TaskDeps } from "./task-deps";

export async function startWorker({
  connectionString,
  concurrency,
  mlRetrainCron,
  logger,
  metrics,
  deps,
}: {
  connectionString: string;
  concurrency: number;
  /** When to retrain the false-alarm models; null: never by cron. */
  mlRetrainCron: string | null;
  logger: Logger;
  metrics: Metrics;
  deps: TaskDeps;
}): Promise<Runner> {
  const workerLogger = new WorkerLogger((scope) => (level, message, meta) => {
    const log = logger.child({ task: scope.taskIdentifier, job_id: scope.jobId });
    if (level === "error") log.error(meta ?? {}, message);
    else if (level === "warning") log.warn(meta ?? {}, message);
    else log.debug(meta ?? {}, message);
  });
  const runner = await run({
    connectionString,
    concurrency,
    taskList: createTaskList(deps),
    crontab: buildCrontab({ mlRetrainCron }),
    noHandleSignals: true,
    pollInterval: 1000,
    logger: workerLogger,
  });
  const started = new Map<string, number>();
  runner.events.on("job:start", ({ job }) => started.set(job.id, performance.now()));
  runner.events.on("job:complete", ({ job, error }) => {
    const t0 = started.get(job.id);
    started.delete(job.id);
    if (t0 !== undefined) metrics.jobDuration.observe({ task: job.task_identifier }, (performance.now() - t0) / 1000);
    metrics.jobs.inc({ task: job.task_identifier, result: error ? "failed" : "succeeded" });
  });
  return runner;
}
