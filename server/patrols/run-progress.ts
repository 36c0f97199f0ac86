// A tour run's state from its visits: which checkpoints count, which are
// still to visit, and its status at a given time.
export type RunStatus = "scheduled" | "in_progress" | "completed" | "late" | "missed";
export type RunPlan = { checkpointIds: readonly string[]; ordered: boolean; closesAt: Date };
export type Visit = { checkpointId: string; visitedAt: Date };

/**
 * Whether a scan of this checkpoint counts for the run: it is one of the run's
 * checkpoints, not yet visited, and on an ordered tour the next one due.
 */
export function visitCounts(
  plan: Pick<RunPlan, "checkpointIds" | "ordered">,
  visited: readonly string[],
  checkpointId: string,
): boolean {
  if (!plan.checkpointIds.includes(checkpointId) || visited.includes(checkpointId)) return false;
  if (!plan.ordered) return true;
  return plan.checkpointIds[visited.length] === checkpointId;
}

export function runStatus(plan: RunPlan, visits: readonly Visit[], now: Date): RunStatus {
  const visited = new Set(visits.map((v) => v.checkpointId));
  const complete = plan.checkpointIds.every((id) => visited.has(id));
  if (complete) {
    const last = Math.max(...visits.map((v) => v.visitedAt.getTime()));
    return last <= plan.closesAt.getTime() ? "completed" : "late";
  }
  if (now.getTime() >= plan.closesAt.getTime()) return "missed";
  return visits.length > 0 ? "in_progress" : "scheduled";
}

export function missingCheckpoints(plan: RunPlan, visits: readonly Visit[]): string[] {
  const visited = new Set(visits.map((v) => v.checkpointId));
  return plan.checkpointIds.filter((id) => !visited.has(id));
}
