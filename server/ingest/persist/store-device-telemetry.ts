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
  await tx`insert into device_telemetry ${tx(rows as never)}`;
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
