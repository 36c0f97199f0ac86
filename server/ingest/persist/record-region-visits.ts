// OwnTracks region transitions that prove a checkpoint visit (method gps):
// the app reports `{_type: transition, event: enter, rid, desc, tst, ...}`
// when the phone enters a region it was given (booklet, tech/json), stored
// as the device's `transition` reading. An `enter` from a guard's device
// counts as the guard at a GPS checkpoint (one with a point) of the guard's
// tenant: the region's `rid` is the checkpoint's id (the convention for the
// waypoints Vigil sends), or else its `desc` is the checkpoint's name at a
// site the guard is assigned to (regions the guard typed in by hand). The
// visit is then recorded like a scan, at the transition's own time.
import type { TransactionSql } from "postgres";
import { recordVisit } from "../../services/patrols/record-visit";
import type { ValidatedAs } from "../pipeline/types";
import type { RunRef } from "./record-scans";

type Reading = ValidatedAs<"sensor">;
type Entry = { tenantId: string; guardId: string; rid: string; desc: string; at: Date };

function entriesOf(readings: readonly Reading[]): Entry[] {
  return readings.flatMap(({ kind, source, data, extra, recordedAt }) => {
    if (kind !== "transition" || data.state !== "enter" || source.guardId === null) return [];
    const rid = extra?.rid ?? (data as Record<string, unknown>).rid;
    const desc = data.value;
    if (typeof rid !== "string" && typeof desc !== "string") return [];
    return [
      {
        tenantId: source.tenantId,
        guardId: source.guardId,
        rid: typeof rid === "string" ? rid : "",
        desc: typeof desc === "string" ? desc : "",
        at: recordedAt,
      },
    ];
  });
}

/** The checkpoints each entry names: by rid when it is one, else by desc; indexed like the entries. */
async function matchCheckpoints(tx: TransactionSql, entries: readonly Entry[]): Promise<string[][]> {
  const rows = await tx<{ i: number; checkpointId: string; byRid: boolean }[]>`
    select v.i::int as i, c.id as "checkpointId", c.id::text = v.rid as "byRid"
    from unnest(${entries.map((e) => e.tenantId)}::uuid[], ${entries.map((e) => e.guardId)}::uuid[],
                ${entries.map((e) => e.rid)}::text[], ${entries.map((e) => e.desc)}::text[])
         with ordinality as v(tenant_id, guard_id, rid, descr, i)
    join checkpoints c on c.tenant_id = v.tenant_id and c.lat is not null and c.lon is not null
      and (c.id::text = v.rid
           or (v.descr <> '' and c.name = v.descr
               and exists (select 1 from guard_assignments a where a.guard_id = v.guard_id and a.site_id = c.site_id)))`;
  return entries.map((_, index) => {
    const found = rows.filter((r) => r.i === index + 1);
    const byRid = found.filter((r) => r.byRid);
    return (byRid.length > 0 ? byRid : found).map((r) => r.checkpointId);
  });
}

export async function recordRegionVisits(tx: TransactionSql, readings: readonly Reading[]): Promise<RunRef[]> {
  const entries = entriesOf(readings).sort((a, b) => a.at.getTime() - b.at.getTime());
  if (entries.length === 0) return [];
  const matches = await matchCheckpoints(tx, entries);
  const runs: RunRef[] = [];
  for (const [index, { tenantId, guardId, at }] of entries.entries()) {
    for (const checkpointId of matches[index] ?? []) {
      const progress = await recordVisit(tx, { tenantId, guardId, checkpointId, method: "gps", visitedAt: at });
      runs.push(...progress.map(({ runId }) => ({ tenantId, runId })));
    }
  }
  return runs;
}
