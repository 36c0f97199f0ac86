// One transaction per batch: dedupe (a GPS fix with its own time by its row's insert), then every family's
// multi-row inserts, check-ins (a duress PIN's alert goes with the batch's other alerts), checkpoint visits (scans,
// fixes that reach a checkpoint, and OwnTracks region entries), then the quarantine. Returns what the after-commit
// steps need: the persisted stage of the messages.
import type { Sql } from "postgres";
import type { TourRunDto } from "../../contracts/patrols";
import type { GpsTargets } from "../../patrols/gps-targets";
import { getTourRuns } from "../../presenters/patrols/list-tour-runs";
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
import { raiseAlerts, receiptsForResends } from "./raise-alerts";
import type { Receipt } from "./receipt";
import { recordGpsVisits } from "./record-gps-visits";
import { recordRegionVisits } from "./record-region-visits";
import { receiptsForResentScans, recordScans, type RunRef } from "./record-scans";
import { recordCheckIns, type RecordedCheckIns } from "./record-check-ins";
import { recordCommandResults, recordConfigApplied, type CommandChange } from "./record-downlink-answers";
import { storeSensorReadings } from "./store-sensor-readings";
import { storeSystemHealth } from "./store-system-health";
import { ingestTrace } from "../ingest-trace";

export type PersistedBatch = {
  stored: ValidatedMessage[];
  duplicates: ValidatedMessage[];
  rejections: RejectedMessage[];
  /** Refused while persisting (a scan of an unknown code): in `rejections` too, but not yet counted. */
  refused: RejectedMessage[];
  positions: StoredPosition[];
  telemetry: StoredTelemetry[];
  alerts: RaisedAlert[];
  receipts: Receipt[];
  commands: CommandChange[];
  /** What each check-in came to (metrics). */
  checkIns: RecordedCheckIns["results"];
  /** Tour runs a visit changed, as they are now (the NOC's progress bars). */
  tourRuns: (TourRunDto & { tenantId: string })[];
};

/** The changed runs as the API shows them, read inside the transaction (a few: visits are rare). */
async function changedRuns(tx: Parameters<typeof getTourRuns>[0], refs: RunRef[]) {
  const byTenant = new Map<string, Set<string>>();
  for (const { tenantId, runId } of refs) byTenant.set(tenantId, (byTenant.get(tenantId) ?? new Set()).add(runId));
  const runs: PersistedBatch["tourRuns"] = [];
  for (const [tenantId, ids] of byTenant) {
    for (const run of await getTourRuns(tx, tenantId, [...ids])) runs.push({ ...run, tenantId });
  }
  return runs;
}

export async function persistBatch(
  sql: Sql,
  {
    accepted,
    rejections,
    lastSeen,
    rules,
    fences,
    patrols,
  }: {
    accepted: ValidatedMessage[];
    rejections: RejectedMessage[];
    lastSeen: LastSeenWrites;
    rules: Map<string, AlertRules>;
    fences: Map<string, TenantFences>;
    patrols: Map<string, GpsTargets>;
  },
): Promise<PersistedBatch> {
  return sql.begin(async (tx) => {
    const deduped = await dedupeMessages(tx, accepted);
    ingestTrace.mark("dedupe");
    // A resent fix that carries its own time is found out by its row's insert; to the geofences it is stale.
    const candidates = deduped.fresh.filter(isOfFamily("guard"));
    const geofence = await checkGeofences(tx, candidates, fences, rules);
    ingestTrace.mark("geofence");
    const locations = await storeGuardLocations(tx, candidates, geofence.violating);
    const { positions } = locations;
    const resent: ReadonlySet<ValidatedMessage> = locations.duplicates;
    const fresh = resent.size === 0 ? deduped.fresh : deduped.fresh.filter((m) => !resent.has(m));
    const duplicates = [...deduped.duplicates, ...locations.duplicates];
    const fixes = resent.size === 0 ? candidates : candidates.filter((m) => !resent.has(m));
    const telemetry = await storeDeviceTelemetry(tx, fresh.filter(isOfFamily("device")));
    const readings = fresh.filter(isOfFamily("sensor"));
    await storeSensorReadings(tx, readings);
    await storeSystemHealth(tx, fresh.filter(isOfFamily("system")));
    const checkIns = await recordCheckIns(tx, fresh.filter(isOfFamily("check-in")));
    const { alerts, receipts } = await raiseAlerts(
      tx,
      {
        alarms: fresh.filter(isOfFamily("alert")),
        derived: [...deriveAlerts(fresh, rules), ...geofence.alerts, ...checkIns.alerts],
      },
      rules,
    );
    receipts.push(...checkIns.receipts);
    await geofence.record(tx);
    receipts.push(...(await receiptsForResends(tx, duplicates.filter(isOfFamily("alert")))));
    const commands = await recordCommandResults(tx, fresh.filter(isOfFamily("command-result")));
    await recordConfigApplied(tx, fresh.filter(isOfFamily("config-applied")));
    const scans = await recordScans(tx, fresh.filter(isOfFamily("checkpoint")));
    receipts.push(
      ...scans.receipts,
      ...(await receiptsForResentScans(tx, duplicates.filter(isOfFamily("checkpoint")))),
      ...(await receiptsForResentScans(tx, duplicates.filter(isOfFamily("check-in")))),
    );
    const gpsRuns = await recordGpsVisits(tx, fixes, patrols);
    const regionRuns = await recordRegionVisits(tx, readings);
    const tourRuns = await changedRuns(tx, [...scans.runs, ...gpsRuns, ...regionRuns]);
    await touchDevices(tx, fresh, lastSeen);
    await storeQuarantine(tx, [...rejections, ...scans.refused]);
    ingestTrace.mark("statements");
    const refused = new Set<unknown>(scans.refused.map((r) => r.message));
    return {
      stored: refused.size === 0 ? fresh : fresh.filter((m) => !refused.has(m.message)),
      duplicates,
      rejections: [...rejections, ...scans.refused],
      refused: scans.refused,
      positions,
      telemetry,
      alerts,
      receipts,
      commands,
      checkIns: checkIns.results,
      tourRuns,
    };
  });
}
