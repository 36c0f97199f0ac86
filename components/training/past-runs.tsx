// Ended training runs with their held-out metrics (or why they ended).
import type { TrainingRunDto } from "@/server/contracts/ml";
import { RelativeTime } from "../ui/relative-time";

const TONE = { succeeded: "ok", failed: "danger", cancelled: "warn", queued: "info", running: "info" } as const;

export const percent = (value: number | undefined) => (value === undefined ? "—" : `${(value * 100).toFixed(1)}%`);

export function PastRuns({ runs }: { runs: TrainingRunDto[] }) {
  if (runs.length === 0) return <p className="empty muted">No finished runs yet.</p>;
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Status</th>
          <th scope="col">Epochs</th>
          <th scope="col">Test AUC</th>
          <th scope="col">Accuracy</th>
          <th scope="col">Base rate</th>
          <th scope="col">Model</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-run={run.id} data-status={run.status}>
            <td data-label="Started">
              <RelativeTime iso={run.startedAt ?? run.createdAt} />
              <div className="muted small">{run.trigger === "cron" ? "nightly" : (run.requestedBy ?? "")}</div>
            </td>
            <td data-label="Status">
              <span className="badge" data-tone={TONE[run.status]}>
                {run.status}
              </span>
              {run.error && <div className="muted small run-error">{run.error}</div>}
            </td>
            <td data-label="Epochs">
              {run.epoch} / {run.totalEpochs}
            </td>
            <td data-label="Test AUC">{run.metrics?.testAuc?.toFixed(3) ?? "—"}</td>
            <td data-label="Accuracy">
              {percent(run.metrics?.testAccuracy)}
              {run.metrics && (
                <div className="muted small">always-one-answer: {percent(run.metrics.baselineAccuracy)}</div>
              )}
            </td>
            <td data-label="Base rate">{percent(run.metrics?.baseRate)}</td>
            <td data-label="Model">{run.modelVersion === null ? "—" : `v${run.modelVersion}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
