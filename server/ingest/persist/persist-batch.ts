// One transaction per batch: dedupe, then every family's multi-row inserts,
// then the quarantine. Returns what the after-commit steps need.
import type { Sql } from "postgres";
import type { Envelope } from "../pipeline/types";
import type { AlertRules } from "../../contracts/alert-rules";
import type { TenantFences } from "../../geofence/tenant-fences";
import { checkGeofences } from "./check-geofences";
import { deriveAlerts } from "../rules/derive-alerts";
import { dedupeMessages } from "./dedupe-messages";
import { storeDeviceTelemetry, type StoredTelemetry } from "./store-device-telemetry";
import { storeGuardLocations, type StoredPosition } from "./store-guard-locations";
import { storeQuarantine, type Rejection } from "./store-quarantine";
import { touchDevices, type LastSeenWrites } from "./touch-devices";
import type { RaisedAlert } from "../../services/alerts/upsert-alerts";
import { raiseAlerts, receiptsForResends, type AlertReceipt } from "./raise-alerts";
import { recordCommandResults, recordConfigApplied, type CommandChange } from "./record-downlink-answers";
import { storeSensorReadings } from "./store-sensor-readings";
import { storeSystemHealth } from "./store-system-health";

export type PersistedBatch = {
  stored: Envelope[];
  duplicates: Envelope[];
  rejections: Rejection[];
  positions: StoredPosition[];
  telemetry: StoredTelemetry[];
  alerts: RaisedAlert[];
  receipts: AlertReceipt[];
  commands: CommandChange[];
};

const byFamily = (envelopes: Envelope[], family: Envelope["family"]) => envelopes.filter((e) => e.family === family);

export async function persistBatch(
  sql: Sql,
  {
    accepted,
    rejections,
    lastSeen,
    rules,
    fences,
  }: {
    accepted: Envelope[];
    rejections: Rejection[];
    lastSeen: LastSeenWrites;
    rules: Map<string, AlertRules>;
    fences: Map<string, TenantFences>;
  },
): Promise<PersistedBatch> {
  return sql.begin(async (tx) => {
    const { fresh, duplicates } = await dedupeMessages(tx, accepted);
    const fixes = byFamily(fresh, "guard");
    const geofence = await checkGeofences(tx, fixes, fences, rules);
    const positions = await storeGuardLocations(tx, fixes, geofence.violating);
    const telemetry = await storeDeviceTelemetry(tx, byFamily(fresh, "device"));
    await storeSensorReadings(tx, byFamily(fresh, "sensor"));
    await storeSystemHealth(tx, byFamily(fresh, "system"));
    const { alerts, receipts } = await raiseAlerts(
      tx,
      [...byFamily(fresh, "alert"), ...deriveAlerts(fresh, rules), ...geofence.alerts],
      rules,
    );
    await geofence.record(tx);
    receipts.push(...(await receiptsForResends(tx, duplicates)));
    const commands = await recordCommandResults(tx, byFamily(fresh, "command-result"));
    await recordConfigApplied(tx, byFamily(fresh, "config-applied"));
    await touchDevices(tx, fresh, lastSeen);
    await storeQuarantine(tx, rejections);
    return { stored: fresh, duplicates, rejections, positions, telemetry, alerts, receipts, commands };
  });
}
