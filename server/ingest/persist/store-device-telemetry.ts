// Multi-row insert of device telemetry.
import type { TransactionSql } from "postgres";
import type { DeviceTelemetryDto } from "../../contracts/socket-events";
import type { ValidatedAs } from "../pipeline/types";

export type StoredTelemetry = DeviceTelemetryDto & { tenantId: string };

export async function storeDeviceTelemetry(
  tx: TransactionSql,
  reports: ValidatedAs<"device">[],
): Promise<StoredTelemetry[]> {
  if (reports.length === 0) return [];
  const rows = reports.map(({ source, data, extra, recordedAt }) => ({
    tenant_id: source.tenantId,
    device_id: source.deviceId,
    external_id: source.externalId,
    recorded_at: recordedAt,
    battery: data.battery ?? null,
    signal_dbm: data.signal ?? null,
    temperature_c: data.temperature ?? null,
    msg_id: data.msg_id ?? null,
    extra,
  }));
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  await tx`
    insert into device_telemetry (tenant_id, device_id, recorded_at, battery, signal_dbm, temperature_c, msg_id, extra)
    select tenant_id, device_id, recorded_at, battery, signal_dbm, temperature_c, msg_id, extra::jsonb
    from unnest(
      ${col("tenant_id")}::uuid[], ${col("device_id")}::uuid[], ${rows.map((r) => r.recorded_at.toISOString())}::timestamptz[],
      ${col("battery") as never}::float8[], ${col("signal_dbm") as never}::float8[], ${col("temperature_c") as never}::float8[],
      ${col("msg_id") as never}::text[], ${rows.map((r) => (r.extra ? JSON.stringify(r.extra) : null)) as never}::text[])
      as u(tenant_id, device_id, recorded_at, battery, signal_dbm, temperature_c, msg_id, extra)`;
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    deviceId: r.device_id,
    externalId: r.external_id,
    battery: r.battery,
    signalDbm: r.signal_dbm,
    temperatureC: r.temperature_c,
    recordedAt: r.recorded_at.toISOString(),
  }));
}
