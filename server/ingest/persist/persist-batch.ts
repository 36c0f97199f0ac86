// One transaction per batch: dedupe, then every family's multi-row inserts,
// then the quarantine. Returns what the after-commit steps need.
import type { Sql } from "postgres";
import type { Envelope } from "../pipeline/types";
import { dedupeMessages } from "./dedupe-messages";
import { storeDeviceTelemetry, type StoredTelemetry } from "./store-device-telemetry";
import { storeGuardLocations, type StoredPosition } from "./store-guard-locations";
import { storeQuarantine, type Rejection } from "./store-quarantine";
import { touchDevices } from "./touch-devices";

export type PersistedBatch = {
  stored: Envelope[];
  duplicates: Envelope[];
  rejections: Rejection[];
  positions: StoredPosition[];
  telemetry: StoredTelemetry[];
};

export async function persistBatch(sql: Sql, accepted: Envelope[], rejections: Rejection[]): Promise<PersistedBatch> {
  return sql.begin(async (tx) => {
    const { fresh, duplicates } = await dedupeMessages(tx, accepted);
    const positions = await storeGuardLocations(
      tx,
      fresh.filter((e) => e.family === "guard"),
    );
    const telemetry = await storeDeviceTelemetry(
      tx,
      fresh.filter((e) => e.family === "device"),
    );
    await touchDevices(tx, fresh);
    await storeQuarantine(tx, rejections);
    return { stored: fresh, duplicates, rejections, positions, telemetry };
  });
}
