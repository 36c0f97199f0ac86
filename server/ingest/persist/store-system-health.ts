// Health reports from system/{component}/{metric}: every report, plus the
// newest per component and metric.
import type { TransactionSql } from "postgres";
import type { ValidatedAs } from "../pipeline/types";
import { splitValue } from "./reading-value";

export async function storeSystemHealth(tx: TransactionSql, reports: ValidatedAs<"system">[]): Promise<void> {
  if (reports.length === 0) return;
  const rows = reports.map(({ source, kind, data, extra, recordedAt }) => {
    const { valueNum, valueText } = splitValue(data.value);
    return {
      tenant_id: source.tenantId,
      device_id: source.deviceId,
      metric: kind,
      status: data.status ?? null,
      value_num: valueNum,
      value_text: valueText,
      recorded_at: recordedAt,
      msg_id: data.msg_id ?? null,
      extra,
    };
  });
  await tx`insert into system_health ${tx(rows as never)}`;

  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.device_id}/${row.metric}`;
    const seen = newest.get(key);
    if (!seen || seen.recorded_at <= row.recorded_at) newest.set(key, row);
  }
  const latest = [...newest.values()].map(
    ({ tenant_id, device_id, metric, status, value_num, value_text, recorded_at }) => ({
      tenant_id,
      device_id,
      metric,
      status,
      value_num,
      value_text,
      recorded_at,
    }),
  );
  await tx`
    insert into system_components ${tx(latest)}
    on conflict (device_id, metric) do update set
      status = excluded.status, value_num = excluded.value_num, value_text = excluded.value_text,
      recorded_at = excluded.recorded_at
    where system_components.recorded_at <= excluded.recorded_at`;
}
