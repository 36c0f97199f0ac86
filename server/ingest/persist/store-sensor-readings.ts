// Multi-row insert of sensor readings (sensor/{sensorId}/{kind}).
import type { TransactionSql } from "postgres";
import type { Envelope } from "../pipeline/types";
import { recordedAt } from "./recorded-at";
import { splitValue } from "./reading-value";

export async function storeSensorReadings(tx: TransactionSql, envelopes: Envelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const rows = envelopes.map((e) => {
    const { valueNum, valueText } = splitValue(e.data!.value);
    return {
      tenant_id: e.source!.tenantId,
      device_id: e.source!.deviceId!,
      kind: e.kind!,
      value_num: valueNum,
      value_text: valueText,
      state: (e.data!.state as string | undefined) ?? null,
      recorded_at: recordedAt(e),
      msg_id: (e.data!.msg_id as string | undefined) ?? null,
      extra: e.extra ?? null,
    };
  });
  await tx`insert into sensor_readings ${tx(rows as never)}`;
}
