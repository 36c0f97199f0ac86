// Devices' answers to downlink: command progress (received, done, failed)
// moves a command forward only, never back; an applied config version is
// stamped once.
import type { TransactionSql } from "postgres";
import type { CommandChangeDto } from "../../contracts/socket-events";
import type { Envelope } from "../pipeline/types";
import { recordedAt } from "./recorded-at";

export type CommandChange = CommandChangeDto & { tenantId: string };

export async function recordCommandResults(tx: TransactionSql, envelopes: Envelope[]): Promise<CommandChange[]> {
  if (envelopes.length === 0) return [];
  const ids = envelopes.map((e) => e.data!.command_id as string);
  const devices = envelopes.map((e) => e.source!.deviceId!);
  const statuses = envelopes.map((e) => e.data!.status as string);
  const results = envelopes.map((e) =>
    JSON.stringify(e.data!.result ?? (e.data!.error ? { error: e.data!.error } : null)),
  );
  const times = envelopes.map((e) => recordedAt(e).toISOString());
  const changed = await tx<
    { commandId: string; status: CommandChangeDto["status"]; tenantId: string; deviceId: string }[]
  >`
    update device_commands c set
      status = v.status::command_status,
      received_at = coalesce(c.received_at, v.at),
      completed_at = case when v.status in ('done', 'failed') then v.at else c.completed_at end,
      result = case when v.status in ('done', 'failed') then v.result::jsonb else c.result end
    from unnest(${ids}::uuid[], ${devices}::uuid[], ${statuses}::text[], ${results}::text[], ${times}::timestamptz[])
      as v(id, device_id, status, result, at)
    where c.id = v.id and c.device_id = v.device_id
      and c.status not in ('done', 'failed', 'expired')
      and (v.status <> 'received' or c.status in ('queued', 'sent'))
    returning c.id as "commandId", c.status, c.tenant_id as "tenantId", c.device_id as "deviceId"`;
  const externalIdByDevice = new Map(envelopes.map((e) => [e.source!.deviceId!, e.source!.externalId]));
  return changed.map(({ deviceId, ...c }) => ({ ...c, deviceExternalId: externalIdByDevice.get(deviceId)! }));
}

export async function recordConfigApplied(tx: TransactionSql, envelopes: Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  await tx`
    update device_configs c set applied_at = v.at
    from unnest(${envelopes.map((e) => e.source!.deviceId!)}::uuid[], ${envelopes.map((e) => e.data!.version as number)}::int[],
                ${envelopes.map((e) => recordedAt(e).toISOString())}::timestamptz[]) as v(device_id, version, at)
    where c.device_id = v.device_id and c.version = v.version and c.applied_at is null`;
}
