// One device with its latest telemetry.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { deviceTelemetry } from "../../../db/schema";
import type { DeviceDto, TelemetryDto } from "../../contracts/api";
import type { Actor } from "../../auth/actor";
import { findDevice } from "./list-devices";

export async function getDevice(
  db: Db,
  actor: Actor,
  externalId: string,
): Promise<DeviceDto & { latestTelemetry: TelemetryDto | null }> {
  const { row, dto } = await findDevice(db, actor, externalId);
  const [latest] = await db
    .select()
    .from(deviceTelemetry)
    .where(and(eq(deviceTelemetry.tenantId, actor.tenantId), eq(deviceTelemetry.deviceId, row.id)))
    .orderBy(desc(deviceTelemetry.recordedAt))
    .limit(1);
  return {
    ...dto,
    latestTelemetry: latest
      ? {
          recordedAt: latest.recordedAt.toISOString(),
          battery: latest.battery,
          signalDbm: latest.signalDbm,
          temperatureC: latest.temperatureC,
        }
      : null,
  };
}
