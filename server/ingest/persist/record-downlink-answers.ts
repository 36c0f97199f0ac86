// Devices' answers to downlink: command progress (received, done, failed)
// moves a command forward only, never back; an applied config version is
// stamped once.
import type { TransactionSql } from "postgres";
import type { CommandChangeDto } from "../../contracts/socket-events";
import type { ValidatedAs } from "../pipeline/types";

export type CommandChange = CommandChangeDto & { tenantId: string };

export async function recordCommandResults(
  tx: TransactionSql,
  answers: ValidatedAs<"command-result">[],
): Promise<CommandChange[]> {
  if (answers.length === 0) return [];
  const ids = answers.map((a) => a.data.command_id);
  const devices = answers.map((a) => a.source.deviceId);
  const statuses = answers.map((a) => a.data.status);
  const results = answers.map(({ data }) => JSON.stringify(data.result ?? (data.error ? { error: data.error } : null)));
  const times = answers.map((a) => a.recordedAt.toISOString());
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
  const externalIdByDevice = new Map(answers.map(({ source }) => [source.deviceId, source.externalId]));
  return changed.map(({ deviceId, ...c }) => ({ ...c, deviceExternalId: externalIdByDevice.get(deviceId) ?? "" }));
}

export async function recordConfigApplied(tx: TransactionSql, answers: ValidatedAs<"config-applied">[]): Promise<void> {
  if (answers.length === 0) return;
  await tx`
    update device_configs c set applied_at = v.at
    from unnest(${answers.map((a) => a.source.deviceId)}::uuid[], ${answers.map((a) => a.data.version)}::int[],
                ${answers.map((a) => a.recordedAt.toISOString())}::timestamptz[]) as v(device_id, version, at)
    where c.device_id = v.device_id and c.version = v.version and c.applied_at is null`;
}
