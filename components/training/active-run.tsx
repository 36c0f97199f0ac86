"use client";
// A queued or running training run: its progress bar, figures, loss curve
// and a Cancel button.
import { trainingFraction, type TrainingRunDto } from "@/server/contracts/ml";
import { LossChart } from "./loss-chart";

function formatEta(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

type Props = { run: TrainingRunDto; onCancel: () => void; cancelling: boolean; error: string | null };

export function ActiveRun({ run, onCancel, cancelling, error }: Props) {
  const percent = Math.round(trainingFraction(run) * 100);
  return (
    <article className="panel training-run" data-run={run.id} data-status={run.status}>
      <div className="training-run-head">
        <span className="badge" data-tone={run.status === "running" ? "info" : "warn"}>
          {run.status === "running" ? "Training" : "Queued"}
        </span>
        <span className="muted">{run.trigger === "cron" ? "nightly" : `by ${run.requestedBy ?? "someone"}`}</span>
        <span className="spacer" />
        <button
          type="button"
          className="btn-danger-ghost btn-small"
          disabled={cancelling || run.cancelRequestedAt !== null}
          onClick={onCancel}
        >
          {run.cancelRequestedAt ? "Cancelling…" : "Cancel"}
        </button>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="training-figures">
        <div>
          <dt>Epoch</dt>
          <dd data-field="epoch">
            {run.epoch} / {run.totalEpochs}
          </dd>
        </div>
        <div>
          <dt>Loss</dt>
          <dd>{run.loss?.toFixed(4) ?? "—"}</dd>
        </div>
        <div>
          <dt>Validation AUC</dt>
          <dd>{run.validationAuc?.toFixed(3) ?? "—"}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd>{formatEta(run.etaSeconds)}</dd>
        </div>
      </dl>
      {run.progress.length > 0 && <LossChart progress={run.progress} totalEpochs={run.totalEpochs} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
