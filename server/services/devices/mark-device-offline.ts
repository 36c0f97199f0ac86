// A device that said it is gone (OwnTracks's last will, `_type: lwt`;
// Zigbee2MQTT's `bridge/state` offline for a gateway, a device's availability
// offline for a sensor behind one) goes offline at once, with the same
// `offline` alert liveness raises for a silent device (unless the tenant
// turned it off); liveness brings it back online, and resolves the alert,
// when it reports again. A gateway's sensors go offline with it, under its one
// alert: none of them can report while it is gone, and each comes back when
// it reports again. A guard's phone that leaves after its guard's shift
// raises no alert (liveness raises it if the next shift begins first).
import type { Sql } from "postgres";
import type { AlertSeverity } from "../../contracts/socket-events";
import { alertKey, type AlertCandidate } from "../alerts/alert-candidate";
import { upsertAlerts, type RaisedAlert } from "../alerts/upsert-alerts";
import { isOnShift } from "../../lib/on-shift";
import { loadShiftPlans } from "../guards/load-shift-plans";

type Row = {
  deviceId: string;
  tenantId: string;
  guardId: string | null;
  siteId: string | null;
  name: string;
  rules: { severities?: Record<string, AlertSeverity>; disabled?: string[] } | null;
};

export type OfflineDevice = { tenantId: string; externalId: string; name: string; alert: RaisedAlert | null };

export async function markDeviceOffline(
  sql: Sql,
  externalId: string,
  {
    now = new Date(),
    cause = "its app's connection to Vigil was lost",
    withSensors = false,
  }: { now?: Date; cause?: string; withSensors?: boolean } = {},
): Promise<OfflineDevice | null> {
  return sql.begin(async (tx) => {
    const [device] = await tx<Row[]>`
      update devices d set offline_since = ${now}
      from devices cur left join alert_rule_settings r on r.tenant_id = cur.tenant_id
      where cur.id = d.id and d.external_id = ${externalId} and d.revoked_at is null and d.offline_since is null
      returning d.id as "deviceId", d.tenant_id as "tenantId", d.guard_id as "guardId", d.site_id as "siteId",
                coalesce(d.name, d.external_id) as name, r.rules`;
    if (!device) return null;
    const sensors = withSensors
      ? (
          await tx`
            update devices set offline_since = ${now}
            where gateway_id = ${device.deviceId} and offline_since is null and revoked_at is null`
        ).count
      : 0;
    const offline = { tenantId: device.tenantId, externalId, name: device.name, alert: null };
    if (device.rules?.disabled?.includes("offline")) return offline;
    if (device.guardId !== null) {
      const plans = await loadShiftPlans(tx, [device.guardId]);
      if (!isOnShift(plans.get(device.guardId) ?? [], now)) {
        await tx`update devices set offline_off_shift = true where id = ${device.deviceId}`;
        return offline;
      }
    }
    const candidate: AlertCandidate = {
      tenantId: device.tenantId,
      subject: { deviceId: device.deviceId, guardId: device.guardId, externalId, name: device.name },
      siteId: device.siteId,
      type: "offline",
      severity: device.rules?.severities?.offline ?? "high",
      message: `${device.name} went offline: ${cause}${sensors > 0 ? `; its ${sensors} sensors are unreachable` : ""}`,
      location: null,
      at: now,
      extra: null,
    };
    const raised = await upsertAlerts(tx, [candidate], "system");
    return { ...offline, alert: raised.get(alertKey(candidate)) ?? null };
  });
}
