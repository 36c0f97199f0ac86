// A device's configuration versions, newest first: when each was published
// (retained on device/{id}/config) and when the device said it applied it.
import type { ConfigDto } from "@/server/contracts/api";
import { RelativeTime } from "../ui/relative-time";

export function ConfigVersions({ configs }: { configs: ConfigDto[] }) {
  if (configs.length === 0) return <p className="muted">No configuration saved yet.</p>;
  return (
    <table className="data-table compact" aria-label="Configuration versions">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">State</th>
          <th scope="col">Saved</th>
          <th scope="col">Applied</th>
        </tr>
      </thead>
      <tbody>
        {configs.map((c) => (
          <tr key={c.version} data-version={c.version}>
            <td data-label="Version" className="primary">
              v{c.version}
            </td>
            <td data-label="State">
              {c.appliedAt ? (
                <span className="badge" data-tone="ok">
                  applied
                </span>
              ) : c.publishedAt ? (
                <span className="badge" data-tone="info">
                  published
                </span>
              ) : (
                <span className="badge">saved</span>
              )}
            </td>
            <td data-label="Saved">
              <RelativeTime iso={c.createdAt} />
            </td>
            <td data-label="Applied">
              <RelativeTime iso={c.appliedAt} never="not yet" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
