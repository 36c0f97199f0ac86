// The NOC's open tour runs, as a pure reducer (unit-tested): runs from the
// API or a `tour-runs:changed` event are upserted by id; a run that is no
// longer open (completed, late, missed) leaves and is remembered, so a late
// reload cannot bring it back; a run's progress never moves backwards.
import type { TourRunDto } from "@/server/contracts/patrols";

type ActiveRunsState = { runs: Map<string, TourRunDto>; closed: Set<string> };

type ActiveRunsAction = { type: "changed"; runs: TourRunDto[] } | { type: "reloaded"; runs: TourRunDto[] };

const isOpen = (run: TourRunDto) => run.status === "scheduled" || run.status === "in_progress";

export function visitedCount(run: TourRunDto): number {
  return run.checkpoints.filter((c) => c.visitedAt !== null).length;
}

function upsert(state: ActiveRunsState, runs: TourRunDto[], base: Map<string, TourRunDto>): ActiveRunsState {
  const next = new Map(base);
  const closed = new Set(state.closed);
  for (const run of runs) {
    if (!isOpen(run)) {
      next.delete(run.id);
      closed.add(run.id);
      continue;
    }
    if (closed.has(run.id)) continue;
    const known = state.runs.get(run.id);
    next.set(run.id, known && visitedCount(known) > visitedCount(run) ? known : run);
  }
  return { runs: next, closed };
}

export function activeRunsReducer(state: ActiveRunsState, action: ActiveRunsAction): ActiveRunsState {
  if (action.type === "changed") return upsert(state, action.runs, state.runs);
  // A reload is the whole open list: runs it no longer has were closed meanwhile.
  return upsert(state, action.runs, new Map());
}

export const emptyActiveRuns: ActiveRunsState = { runs: new Map(), closed: new Set() };

/** The window that closes first, first. */
export function sortedRuns(state: ActiveRunsState): TourRunDto[] {
  return [...state.runs.values()].sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.id.localeCompare(b.id));
}

/** "12 min left", "1 h 5 min left", "overdue" when the window has closed but the worker has not yet said missed. */
export function timeLeft(closesAt: string, now: number): string {
  const minutes = Math.ceil((Date.parse(closesAt) - now) / 60_000);
  if (minutes <= 0) return "overdue";
  if (minutes < 60) return `${minutes} min left`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest === 0 ? "" : ` ${rest} min`} left`;
}
