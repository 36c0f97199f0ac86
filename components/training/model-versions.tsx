// The trained model versions; the promoted one scores new alerts, and any
// other can be promoted in its place.
import type { MlModelDto } from "@/server/contracts/ml";
import { RelativeTime } from "../ui/relative-time";
import { percent } from "./past-runs";

type Props = { models: MlModelDto[]; promoting: string | null; onPromote: (id: string) => void };

export function ModelVersions({ models, promoting, onPromote }: Props) {
  if (models.length === 0) return <p className="empty muted">No trained models yet: start a training run.</p>;
  return (
    <table className="data-table compact">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Trained</th>
          <th scope="col">Test AUC</th>
          <th scope="col">Accuracy</th>
          <th scope="col">
            <span className="sr-only">Promotion</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.id} data-model={m.version}>
            <td data-label="Version" className="primary">
              v{m.version}
            </td>
            <td data-label="Trained">
              <RelativeTime iso={m.createdAt} />
            </td>
            <td data-label="Test AUC">{m.metrics.testAuc?.toFixed(3) ?? "—"}</td>
            <td data-label="Accuracy">
              {percent(m.metrics.testAccuracy)}{" "}
              <span className="muted small">vs {percent(m.metrics.baselineAccuracy)}</span>
            </td>
            <td data-label="Promotion">
              {m.promotedAt ? (
                <span className="badge" data-tone="ok" title={m.promotedBy ? `by ${m.promotedBy}` : undefined}>
                  Scoring new alerts
                </span>
              ) : (
                <button
                  type="button"
                  className="btn-ghost btn-small"
                  disabled={promoting !== null}
                  onClick={() => onPromote(m.id)}
                >
                  {promoting === m.id ? "Promoting…" : "Promote"}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
