// Multi-row insert of sensor readings (sensor/{sensorId}/{kind}).
import type { TransactionSql } from "postgres";
import type { ValidatedAs } from "../pipeline/types";
import { splitValue } from "./reading-value";

export async function storeSensorReadings(tx: TransactionSql, readings: ValidatedAs<"sensor">[]): Promise<void> {
  if (readings.length === 0) return;
  const rows = readings.map(({ source, kind, data, extra, recordedAt }) => {
    const { valueNum, valueText } = splitValue(data.value);
    return {
      tenant_id: source.tenantId,
      device_id: source.deviceId,
      kind,
      value_num: valueNum,
      value_text: valueText,
      state: data.state ?? null,
      recorded_at: recordedAt,
      msg_id: data.msg_id ?? null,
      extra,
    };
  });
  await tx`insert into sensor_readings ${tx(rows as never)}`;
}
