// Trains a tenant's false-alarm model for one training_runs row: every epoch
// is written to the row (epoch, loss, validation AUC, ETA) and broadcast to
// the tenant's consoles; a cancel request (or the worker shutting down) stops
// it between epochs; a finished run stores the next model version with its
// test-set metrics. Runs on the "ml" queue, one at a time.
import type { JobHelpers, Task } from "graphile-worker";
import { setTimeout as sleep } from "node:timers/promises";
import { parseJobPayload } from "../../server/contracts/jobs";
import type { TrainingRunDto } from "../../server/contracts/ml";
import { loadTrainingExamples } from "../../server/ml/load-alert-features";
import { NotEnoughHistory, trainFalseAlarmModel, type EpochReport } from "../../server/ml/train-false-alarm-model";
import { toTrainingRunDto, trainingRunSql, type TrainingRunRow } from "../../server/presenters/ml/training-run-dto";
import { announceTrainingRun } from "../../server/services/ml/announce-training-run";
import type { TaskDeps } from "../task-deps";

async function readRun(helpers: JobHelpers, runId: string): Promise<TrainingRunRow> {
  const { rows } = await helpers.query<TrainingRunRow>(trainingRunSql, [runId]);
  return rows[0]!;
}

export function train_false_alarm_model({ broadcaster, training }: Pick<TaskDeps, "broadcaster" | "training">): Task {
  return async (raw, helpers) => {
    const { runId } = parseJobPayload("train_false_alarm_model", raw);
    const { rows: claimed } = await helpers.query(
      `update training_runs set status = 'running', started_at = now()
       where id = $1 and status = 'queued' returning id`,
      [runId],
    );
    if (claimed.length === 0) return; // cancelled before it started, or already handled

    let run = await readRun(helpers, runId);
    const announce = (dto: TrainingRunDto) => announceTrainingRun(broadcaster, run, dto);
    const end = async (status: "succeeded" | "failed" | "cancelled", error: string | null) => {
      await helpers.query(
        `update training_runs set status = $2, error = $3, finished_at = now(), eta_seconds = null where id = $1`,
        [runId, status, error],
      );
      announce(toTrainingRunDto(await readRun(helpers, runId)));
    };
    announce(toTrainingRunDto(run));

    const started = performance.now();
    let lastEpochEnd = started;
    const onEpoch = async (report: EpochReport): Promise<boolean> => {
      // Pace epochs (see ML_MIN_EPOCH_MS) so progress is watchable and the CPU is shared.
      const wait = training.minEpochMs - (performance.now() - lastEpochEnd);
      if (wait > 0) await sleep(wait);
      lastEpochEnd = performance.now();
      const perEpochS = (lastEpochEnd - started) / 1000 / report.epoch;
      const point = { epoch: report.epoch, loss: report.loss, validationAuc: report.validationAuc, at: new Date() };
      await helpers.query(
        `update training_runs set epoch = $2, loss = $3, validation_auc = $4, eta_seconds = $5,
                progress = progress || jsonb_build_array(jsonb_build_object(
                  'epoch', $2::int, 'loss', $3::float8, 'validationAuc', $4::float8, 'at', $6::timestamptz))
         where id = $1`,
        [
          runId,
          report.epoch,
          report.loss,
          report.validationAuc,
          perEpochS * (report.totalEpochs - report.epoch),
          point.at,
        ],
      );
      run = await readRun(helpers, runId);
      announce(toTrainingRunDto(run));
      return run.cancelRequestedAt === null && !helpers.abortSignal?.aborted;
    };

    try {
      const examples = await loadTrainingExamples(helpers.query, run.tenantId);
      const result = await trainFalseAlarmModel({ examples, epochs: run.totalEpochs, onEpoch });
      if (result.status === "stopped") {
        const by = run.cancelRequestedAt ? "Cancelled" : "Stopped by a worker shutdown";
        return await end(
          run.cancelRequestedAt ? "cancelled" : "failed",
          `${by} after epoch ${result.epochsRun} of ${run.totalEpochs}.`,
        );
      }
      await helpers.withPgClient(async (client) => {
        await client.query("begin");
        try {
          // Versions count up per tenant; the ml queue runs one training at a time, so no two take the same.
          await client.query(
            `insert into ml_models (tenant_id, version, training_run_id, metrics, model)
             select $1, coalesce(max(version), 0) + 1, $2, $3, $4 from ml_models where tenant_id = $1`,
            [run.tenantId, runId, JSON.stringify(result.metrics), JSON.stringify(result.model)],
          );
          await client.query(`update training_runs set metrics = $2 where id = $1`, [
            runId,
            JSON.stringify(result.metrics),
          ]);
          await client.query("commit");
        } catch (error) {
          await client.query("rollback");
          throw error;
        }
      });
      await end("succeeded", null);
    } catch (error) {
      if (!(error instanceof NotEnoughHistory)) helpers.logger.error(`training run ${runId} failed: ${String(error)}`);
      await end("failed", error instanceof Error ? error.message : String(error));
    }
  };
}
