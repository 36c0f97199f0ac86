// A training run as the API and the socket events show it. The worker reads
// runs with plain SQL (trainingRunSql) and the API through drizzle; both end
// in toTrainingRunDto.
import type { EpochProgress } from "../../../db/schema";
import type { TrainingRunDto, TrainingRunStatus } from "../../contracts/ml";

type Instant = Date | string;

export type TrainingRunRow = {
  id: string;
  tenantId: string;
  status: TrainingRunStatus;
  trigger: "manual" | "cron";
  requestedBy: string | null;
  requestedByEmail: string | null;
  totalEpochs: number;
  epoch: number;
  loss: number | null;
  validationAuc: number | null;
  etaSeconds: number | null;
  progress: EpochProgress[];
  metrics: Record<string, number> | null;
  error: string | null;
  cancelRequestedAt: Instant | null;
  startedAt: Instant | null;
  finishedAt: Instant | null;
  createdAt: Instant;
  modelVersion: number | null;
};

/** One run by id, in the shape of TrainingRunRow, for node-postgres ($1 = run id). */
export const trainingRunSql = `
  select r.id, r.tenant_id as "tenantId", r.status, r.trigger, r.requested_by as "requestedBy",
         u.email as "requestedByEmail", r.total_epochs as "totalEpochs", r.epoch, r.loss,
         r.validation_auc as "validationAuc", r.eta_seconds as "etaSeconds", r.progress, r.metrics, r.error,
         r.cancel_requested_at as "cancelRequestedAt", r.started_at as "startedAt", r.finished_at as "finishedAt",
         r.created_at as "createdAt", m.version as "modelVersion"
  from training_runs r
  left join users u on u.id = r.requested_by
  left join ml_models m on m.training_run_id = r.id
  where r.id = $1`;

const iso = (at: Instant | null) => (at === null ? null : new Date(at).toISOString());

export function toTrainingRunDto(row: TrainingRunRow): TrainingRunDto {
  return {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    requestedBy: row.requestedByEmail,
    totalEpochs: row.totalEpochs,
    epoch: row.epoch,
    loss: row.loss,
    validationAuc: row.validationAuc,
    etaSeconds: row.etaSeconds,
    progress: row.progress,
    metrics: row.metrics,
    error: row.error,
    cancelRequestedAt: iso(row.cancelRequestedAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    createdAt: iso(row.createdAt)!,
    modelVersion: row.modelVersion,
  };
}
