// Multi-row insert of device telemetry.
import type { TransactionSql } from "postgres";
import type { DeviceTelemetryDto } from "../../contracts/socket-events";
import type { Envelope } from "../pipeline/types";
import { recordedAt } from "./recorded-at";

export type StoredTelemetry = DeviceTelemetryDto & { tenantId: string };

export async function storeDeviceTelemetry(tx: TransactionSql, envelopes: Envelope[]): Promise<StoredTelemetry[]> {
  if (envelopes.length === 0) return [];
  const rows = envelopes.map((e) => {
    const d = e.data!;
    return {
      tenant_id: e.source!.tenantId,
      device_id: e.source!.deviceId!,
      recorded_at: recordedAt(e),
      battery: (d.battery as number | undefined) ?? null,
      signal_dbm: (d.signal as number | undefined) ?? null,
      temperature_c: (d.temperature as number | undefined) ?? null,
      msg_id: (d.msg_id as string | undefined) ?? null,
      extra: e.extra ?? null,
    };
  });
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  await tx`
    insert into device_telemetry (tenant_id, device_id, recorded_at, battery, signal_dbm, temperature_c, msg_id, extra)
    select tenant_id, device_id, recorded_at, battery, signal_dbm, temperature_c, msg_id, extra::jsonb
    from unnest(
      ${col("tenant_id")}::uuid[], ${col("device_id")}::uuid[], ${rows.map((r) => r.recorded_at.toISOString())}::timestamptz[],
      ${col("battery") as never}::float8[], ${col("signal_dbm") as never}::float8[], ${col("temperature_c") as never}::float8[],
      ${col("msg_id") as never}::text[], ${rows.map((r) => (r.extra ? JSON.stringify(r.extra) : null)) as never}::text[])
      as u(tenant_id, device_id, recorded_at, battery, signal_dbm, temperature_c, msg_id, extra)`;
  return rows.map((r, i) => ({
    tenantId: r.tenant_id,
    deviceId: r.device_id,
    externalId: envelopes[i]!.source!.externalId,
    battery: r.battery,
    signalDbm: r.signal_dbm,
    temperatureC: r.temperature_c,
    recordedAt: r.recorded_at.toISOString(),
  }));
}
