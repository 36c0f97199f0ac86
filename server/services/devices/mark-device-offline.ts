// A device that said it is gone (OwnTracks's last will, `_type: lwt`) goes
// offline at once, with the same `offline` alert liveness raises for a silent
// device (unless the tenant turned it off); liveness brings it back online,
// and resolves the alert, when it reports again.
import type { Sql } from "postgres";
import type { AlertSeverity } from "../../contracts/socket-events";
import { alertKey, type AlertCandidate } from "../alerts/alert-candidate";
import { upsertAlerts, type RaisedAlert } from "../alerts/upsert-alerts";

type Row = {
  deviceId: string;
  tenantId: string;
  guardId: string | null;
  siteId: string | null;
  name: string;
  rules: { severities?: Record<string, AlertSeverity>; disabled?: string[] } | null;
};

export type OfflineDevice = { tenantId: string; externalId: string; name: string; alert: RaisedAlert | null };

export async function markDeviceOffline(sql: Sql, externalId: string, now = new Date()): Promise<OfflineDevice | null> {
  return sql.begin(async (tx) => {
    const [device] = await tx<Row[]>`
      update devices d set offline_since = ${now}
      from devices cur left join alert_rule_settings r on r.tenant_id = cur.tenant_id
      where cur.id = d.id and d.external_id = ${externalId} and d.revoked_at is null and d.offline_since is null
      returning d.id as "deviceId", d.tenant_id as "tenantId", d.guard_id as "guardId", d.site_id as "siteId",
                coalesce(d.name, d.external_id) as name, r.rules`;
    if (!device) return null;
    const offline = { tenantId: device.tenantId, externalId, name: device.name, alert: null };
    if (device.rules?.disabled?.includes("offline")) return offline;
    const candidate: AlertCandidate = {
      tenantId: device.tenantId,
      subject: { deviceId: device.deviceId, guardId: device.guardId, externalId, name: device.name },
      siteId: device.siteId,
      type: "offline",
      severity: device.rules?.severities?.offline ?? "high",
      message: `${device.name} went offline: its app's connection to Vigil was lost`,
      location: null,
      at: now,
      extra: null,
    };
    const raised = await upsertAlerts(tx, [candidate], "system");
    return { ...offline, alert: raised.get(alertKey(candidate)) ?? null };
  });
}
