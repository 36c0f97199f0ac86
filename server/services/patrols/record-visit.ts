// A guard at a checkpoint (a scanned code, or a GPS fix within its radius):
// the visit counts for the latest run, due by then, of each tour of that
// checkpoint the guard may walk, when it is that run's next checkpoint (any
// unvisited one on an unordered tour). A visit after the window closed still
// completes the run, as `late`. A visit that counted tells the ingest
// processes (their GPS targets change) when the transaction commits.
import type { TransactionSql } from "postgres";
import { runStatus, visitCounts, type RunStatus } from "../../patrols/run-progress";
import { notifyPatrolsChanged } from "./notify-patrols-changed";

export type VisitMethod = "qr" | "nfc" | "gps";
export type CheckpointVisit = {
  tenantId: string;
  guardId: string;
  checkpointId: string;
  method: VisitMethod;
  visitedAt: Date;
};
export type RunProgress = { runId: string; tourId: string; status: RunStatus; visited: number; total: number };

type OpenRun = {
  id: string;
  tourId: string;
  checkpointIds: string[];
  ordered: boolean;
  closesAt: Date;
  visits: { checkpointId: string; visitedAt: string }[];
};

export async function recordVisit(
  tx: TransactionSql,
  visit: CheckpointVisit,
  now = new Date(),
): Promise<RunProgress[]> {
  const runs = await tx<OpenRun[]>`
    select r.id, r.tour_id as "tourId", r.checkpoint_ids as "checkpointIds", r.ordered, r.closes_at as "closesAt",
           coalesce((select json_agg(json_build_object('checkpointId', v.checkpoint_id, 'visitedAt', v.visited_at)
                                     order by v.visited_at)
                     from tour_visits v where v.run_id = r.id), '[]') as visits
    from tour_runs r
    where r.id in (
      select distinct on (l.tour_id) l.id from tour_runs l
      where l.tenant_id = ${visit.tenantId} and ${visit.checkpointId}::uuid = any(l.checkpoint_ids)
        and l.due_at <= ${visit.visitedAt} and (l.guard_id is null or l.guard_id = ${visit.guardId})
      order by l.tour_id, l.due_at desc)
    order by r.id
    for update of r`;
  const progress: RunProgress[] = [];
  for (const run of runs) {
    const visited = run.visits.map((v) => v.checkpointId);
    if (!visitCounts(run, visited, visit.checkpointId)) continue;
    await tx`
      insert into tour_visits (tenant_id, run_id, checkpoint_id, guard_id, method, visited_at)
      values (${visit.tenantId}, ${run.id}, ${visit.checkpointId}, ${visit.guardId}, ${visit.method}, ${visit.visitedAt})`;
    const visits = [
      ...run.visits.map((v) => ({ checkpointId: v.checkpointId, visitedAt: new Date(v.visitedAt) })),
      { checkpointId: visit.checkpointId, visitedAt: visit.visitedAt },
    ];
    const status = runStatus(run, visits, now);
    const done = status === "completed" || status === "late";
    const completedAt = done ? new Date(Math.max(...visits.map((v) => v.visitedAt.getTime()))) : null;
    await tx`update tour_runs set status = ${status}, completed_at = ${completedAt} where id = ${run.id}`;
    progress.push({
      runId: run.id,
      tourId: run.tourId,
      status,
      visited: visits.length,
      total: run.checkpointIds.length,
    });
  }
  if (progress.length > 0) await notifyPatrolsChanged(tx, [visit.tenantId]);
  return progress;
}
