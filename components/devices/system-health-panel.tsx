// System health of a gateway or site controller: the newest report per
// metric (system/{id}/{metric}), with its status and value.
import type { SystemComponentDto } from "@/server/contracts/system-health";
import { RelativeTime } from "../ui/relative-time";

const OK = /^(ok|up|online|healthy|running|normal)$/i;
const BAD = /^(down|offline|fail(ed|ing)?|error|critical|fault)$/i;

function tone(status: string | null): string | undefined {
  if (!status) return undefined;
  return OK.test(status) ? "ok" : BAD.test(status) ? "danger" : "warn";
}

export function SystemHealthPanel({
  externalId,
  components,
}: {
  externalId: string;
  components: SystemComponentDto[];
}) {
  return (
    <section className="panel" aria-labelledby="health-heading">
      <h2 id="health-heading">System health</h2>
      {components.length === 0 ? (
        <p className="muted">No health reports yet (system/{externalId}/&lt;metric&gt;).</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Status</th>
              <th scope="col">Value</th>
              <th scope="col">Reported</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.metric} data-metric={c.metric}>
                <td data-label="Metric" className="mono primary">
                  {c.metric}
                </td>
                <td data-label="Status">
                  {c.status ? (
                    <span className="badge" data-tone={tone(c.status)}>
                      {c.status}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-label="Value">{c.value === null ? <span className="muted">—</span> : String(c.value)}</td>
                <td data-label="Reported">
                  <RelativeTime iso={c.recordedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
