// One transaction per batch (its BEGIN pipelined, pipelined-transaction.ts): dedupe, then every family's multi-row inserts,
// then the quarantine. Returns what the after-commit steps need: the persisted
// stage of the messages.
import type { Sql } from "postgres";
import { isOfFamily, type RejectedMessage, type ValidatedMessage } from "../pipeline/types";
import type { AlertRules } from "../../contracts/alert-rules";
import type { TenantFences } from "../../geofence/tenant-fences";
import { checkGeofences } from "./check-geofences";
import { deriveAlerts } from "../rules/derive-alerts";
import { dedupeMessages } from "./dedupe-messages";
import { storeDeviceTelemetry, type StoredTelemetry } from "./store-device-telemetry";
import { storeGuardLocations, type StoredPosition } from "./store-guard-locations";
import { storeQuarantine } from "./store-quarantine";
import { touchDevices, type LastSeenWrites } from "./touch-devices";
import type { RaisedAlert } from "../../services/alerts/upsert-alerts";
import { raiseAlerts, receiptsForResends, type AlertReceipt } from "./raise-alerts";
import { recordCommandResults, recordConfigApplied, type CommandChange } from "./record-downlink-answers";
import { storeSensorReadings } from "./store-sensor-readings";
import { storeSystemHealth } from "./store-system-health";
import { ingestTrace } from "../ingest-trace";
import { pipelinedTransaction } from "./pipelined-transaction";

export type PersistedBatch = {
  stored: ValidatedMessage[];
  duplicates: ValidatedMessage[];
  rejections: RejectedMessage[];
  positions: StoredPosition[];
  telemetry: StoredTelemetry[];
  alerts: RaisedAlert[];
  receipts: AlertReceipt[];
  commands: CommandChange[];
};

export async function persistBatch(
  sql: Sql,
  {
    accepted,
    rejections,
    lastSeen,
    rules,
    fences,
  }: {
    accepted: ValidatedMessage[];
    rejections: RejectedMessage[];
    lastSeen: LastSeenWrites;
    rules: Map<string, AlertRules>;
    fences: Map<string, TenantFences>;
  },
): Promise<PersistedBatch> {
  return pipelinedTransaction(sql, async (tx) => {
    const { fresh, duplicates } = await dedupeMessages(tx, accepted);
    ingestTrace.mark("dedupe");
    const fixes = fresh.filter(isOfFamily("guard"));
    const geofence = await checkGeofences(tx, fixes, fences, rules);
    ingestTrace.mark("geofence");
    const positions = await storeGuardLocations(tx, fixes, geofence.violating);
    const telemetry = await storeDeviceTelemetry(tx, fresh.filter(isOfFamily("device")));
    await storeSensorReadings(tx, fresh.filter(isOfFamily("sensor")));
    await storeSystemHealth(tx, fresh.filter(isOfFamily("system")));
    const { alerts, receipts } = await raiseAlerts(
      tx,
      { alarms: fresh.filter(isOfFamily("alert")), derived: [...deriveAlerts(fresh, rules), ...geofence.alerts] },
      rules,
    );
    await geofence.record(tx);
    receipts.push(...(await receiptsForResends(tx, duplicates.filter(isOfFamily("alert")))));
    const commands = await recordCommandResults(tx, fresh.filter(isOfFamily("command-result")));
    await recordConfigApplied(tx, fresh.filter(isOfFamily("config-applied")));
    await touchDevices(tx, fresh, lastSeen);
    await storeQuarantine(tx, rejections);
    ingestTrace.mark("statements");
    return { stored: fresh, duplicates, rejections, positions, telemetry, alerts, receipts, commands };
  });
}
