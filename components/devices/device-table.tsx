// The tenant's devices, one row each; on a phone each row becomes a card
// (the cells carry their column name in data-label for that).
import Link from "next/link";
import type { DeviceDto } from "@/server/contracts/api";
import { RelativeTime } from "../ui/relative-time";

export function deviceHref(externalId: string): string {
  return `/devices/${encodeURIComponent(externalId)}`;
}

export function DeviceTable({ devices }: { devices: DeviceDto[] }) {
  return (
    <table className="data-table device-table">
      <thead>
        <tr>
          <th scope="col">External id</th>
          <th scope="col">Kind</th>
          <th scope="col">Name</th>
          <th scope="col">Guard</th>
          <th scope="col">Last seen</th>
          <th scope="col">
            <span className="sr-only">Status</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr key={d.id} data-device={d.externalId}>
            <td data-label="External id" className="primary">
              <Link href={deviceHref(d.externalId)} className="mono">
                {d.externalId}
              </Link>
            </td>
            <td data-label="Kind">{d.kind}</td>
            <td data-label="Name">{d.name ?? <span className="muted">—</span>}</td>
            <td data-label="Guard">{d.guardExternalId ?? <span className="muted">—</span>}</td>
            <td data-label="Last seen">
              <RelativeTime iso={d.lastSeenAt} />
            </td>
            <td data-label="Status">
              {d.revoked ? (
                <span className="badge" data-tone="danger">
                  Revoked
                </span>
              ) : (
                <span className="badge" data-tone="ok">
                  Active
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
