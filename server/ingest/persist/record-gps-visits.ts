// Ordinary GPS fixes that prove a checkpoint visit (method gps): each fix is
// checked in memory against its guard's GPS targets (the tenant's open runs,
// tenant-patrols.ts), so a guard with no open run costs one map lookup and no
// query; only a fix that reaches a checkpoint becomes a visit, written in the
// batch transaction through the same service as a scan.
import type { TransactionSql } from "postgres";
import { fixReaches, type GpsTargets } from "../../patrols/gps-targets";
import { recordVisit } from "../../services/patrols/record-visit";
import type { ValidatedAs } from "../pipeline/types";
import type { RunRef } from "./record-scans";

type Fix = ValidatedAs<"guard">;
type Reached = { tenantId: string; guardId: string; checkpointId: string; at: Date };

/** The first fix of each guard at each checkpoint in the batch. */
function reachedCheckpoints(fixes: readonly Fix[], patrols: ReadonlyMap<string, GpsTargets>): Reached[] {
  const reached = new Map<string, Reached>();
  for (const { source, data, recordedAt } of fixes) {
    const targets = patrols.get(source.tenantId)?.forGuard(source.guardId);
    if (targets === undefined || targets.length === 0) continue;
    const fix = { lat: data.lat, lon: data.lon, accuracyM: data.accuracy, at: recordedAt };
    for (const target of targets) {
      if (!fixReaches(target, fix)) continue;
      const key = `${source.guardId}|${target.checkpointId}`;
      const seen = reached.get(key);
      if (!seen || recordedAt < seen.at) {
        reached.set(key, {
          tenantId: source.tenantId,
          guardId: source.guardId,
          checkpointId: target.checkpointId,
          at: recordedAt,
        });
      }
    }
  }
  return [...reached.values()];
}

export async function recordGpsVisits(
  tx: TransactionSql,
  fixes: readonly Fix[],
  patrols: ReadonlyMap<string, GpsTargets>,
): Promise<RunRef[]> {
  const runs: RunRef[] = [];
  const reached = reachedCheckpoints(fixes, patrols).sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { tenantId, guardId, checkpointId, at } of reached) {
    const progress = await recordVisit(tx, { tenantId, guardId, checkpointId, method: "gps", visitedAt: at });
    runs.push(...progress.map(({ runId }) => ({ tenantId, runId })));
  }
  return runs;
}
