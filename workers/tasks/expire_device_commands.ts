// Marks commands the device never finished before their expiry as expired,
// and tells the tenants' browsers, so device pages show it live.
import type { Task } from "graphile-worker";
import { socketEvents, type CommandChangeDto } from "../../server/contracts/socket-events";
import type { TaskDeps } from "../task-deps";

type Row = { commandId: string; tenantId: string; deviceExternalId: string };

export function expire_device_commands({ broadcaster }: Pick<TaskDeps, "broadcaster">): Task {
  return async (_raw, helpers) => {
    const { rows } = await helpers.query<Row>(
      `update device_commands c set status = 'expired'
       from devices d
       where d.id = c.device_id and c.status in ('queued', 'sent', 'received') and c.expires_at < now()
         -- Zigbee2MQTT does not answer commands: sent is as far as one behind a gateway goes.
         and not (c.status = 'sent' and d.gateway_id is not null)
       returning c.id as "commandId", c.tenant_id as "tenantId", d.external_id as "deviceExternalId"`,
    );
    if (rows.length === 0) return;
    helpers.logger.info(`expired ${rows.length} commands`);
    const byTenant = new Map<string, CommandChangeDto[]>();
    for (const { tenantId, commandId, deviceExternalId } of rows) {
      const changes = byTenant.get(tenantId) ?? [];
      changes.push({ commandId, deviceExternalId, status: "expired" });
      byTenant.set(tenantId, changes);
    }
    for (const [tenantId, changes] of byTenant) broadcaster.toTenant(tenantId, socketEvents.commandsChanged, changes);
  };
}
