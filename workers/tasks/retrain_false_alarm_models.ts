// Nightly (ML_RETRAIN_CRON): queues a training run for every tenant with
// enough resolved alerts of each outcome and no run already queued or
// running. A new version is stored; a manager still decides to promote it.
import type { Task } from "graphile-worker";
import { metrics } from "../../server/observability/metrics";
import { MIN_EXAMPLES_PER_OUTCOME } from "../../server/ml/train-false-alarm-model";
import { jobSql } from "../../server/contracts/jobs";
import type { TaskDeps } from "../task-deps";

const train = jobSql("train_false_alarm_model");

export function retrain_false_alarm_models({ training }: Pick<TaskDeps, "training">): Task {
  return async (_raw, helpers) => {
    const { rows } = await helpers.query(
      `with due as (
         select a.tenant_id from alerts a
         where a.status = 'RESOLVED' and a.outcome in ('real', 'false_alarm') and a.type not in ('panic', 'man-down')
           and not exists (select 1 from training_runs r where r.tenant_id = a.tenant_id and r.status in ('queued', 'running'))
         group by a.tenant_id
         having count(*) filter (where a.outcome = 'real') >= $1 and count(*) filter (where a.outcome = 'false_alarm') >= $1),
       runs as (
         insert into training_runs (tenant_id, trigger, total_epochs) select tenant_id, 'cron', $2 from due returning id)
       select graphile_worker.add_job($5::text, json_build_object('runId', id),
                queue_name => $3, priority => $4, max_attempts => $6::int, job_key => $7::text || id)
       from runs`,
      [
        MIN_EXAMPLES_PER_OUTCOME,
        training.epochs,
        train.queue,
        train.priority,
        train.name,
        train.maxAttempts,
        train.keyPrefix,
      ],
    );
    metrics.jobsQueued.inc({ task: train.name }, rows.length);
    if (rows.length > 0) helpers.logger.info(`queued ${rows.length} nightly training runs`);
  };
}
