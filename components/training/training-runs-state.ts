// The training page's runs, kept in step with the server: a run heard on the
// socket replaces the known one only if it is not behind it (status and epoch
// only move forward), so a late reload cannot move a progress bar back.
import type { TrainingRunDto, TrainingRunStatus } from "@/server/contracts/ml";

const STATUS_RANK: Record<TrainingRunStatus, number> = {
  queued: 0,
  running: 1,
  succeeded: 2,
  failed: 2,
  cancelled: 2,
};

function isNewer(incoming: TrainingRunDto, known: TrainingRunDto | undefined): boolean {
  if (!known) return true;
  const rank = STATUS_RANK[incoming.status] - STATUS_RANK[known.status];
  if (rank !== 0) return rank > 0;
  return incoming.epoch >= known.epoch && (incoming.modelVersion !== null || known.modelVersion === null);
}

export function mergeRuns(known: TrainingRunDto[], incoming: TrainingRunDto[]): TrainingRunDto[] {
  const byId = new Map(known.map((r) => [r.id, r]));
  for (const run of incoming) if (isNewer(run, byId.get(run.id))) byId.set(run.id, run);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function isActive(run: TrainingRunDto): boolean {
  return run.status === "queued" || run.status === "running";
}
