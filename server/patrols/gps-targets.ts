// Which checkpoints an ordinary GPS fix can visit: for each open tour run, the
// checkpoints a visit would count for (the next one on an ordered tour, any
// unvisited one otherwise) that have a point and a radius, listed under each
// guard who may walk the run. Built once per tenant when runs change, so a fix
// of a guard with no open run costs one map lookup and no query.
import { visitCounts } from "./run-progress";

type GpsTarget = {
  runId: string;
  checkpointId: string;
  lat: number;
  lon: number;
  radiusM: number;
  /** A fix taken before the run was due does not count for it. */
  dueAt: number;
};

export type OpenRun = {
  runId: string;
  /** The tour's guard; null: any guard assigned to the site (anyone, when nobody is). */
  guardId: string | null;
  siteId: string;
  ordered: boolean;
  checkpointIds: string[];
  visited: string[];
  dueAt: Date;
};

export type CheckpointPoint = { id: string; lat: number; lon: number; radiusM: number };

export type GpsTargets = {
  /** The targets a guard's fix is checked against: empty for a guard with no open run. */
  forGuard: (guardId: string) => readonly GpsTarget[];
};

const NONE: readonly GpsTarget[] = [];
const METRES_PER_DEGREE = 111_195; // 6,371,008.8 m (mean Earth radius) × π / 180

export function buildGpsTargets({
  runs,
  points,
  siteGuards,
}: {
  runs: readonly OpenRun[];
  points: ReadonlyMap<string, CheckpointPoint>;
  /** The guards assigned to each site (for runs without a guard of their own). */
  siteGuards: ReadonlyMap<string, readonly string[]>;
}): GpsTargets {
  const byGuard = new Map<string, GpsTarget[]>();
  const anyGuard: GpsTarget[] = [];
  for (const run of runs) {
    const targets = run.checkpointIds.flatMap((id) => {
      const point = points.get(id);
      if (!point || !visitCounts(run, run.visited, id)) return [];
      return [{ runId: run.runId, checkpointId: id, ...pick(point), dueAt: run.dueAt.getTime() }];
    });
    if (targets.length === 0) continue;
    const walkers = run.guardId !== null ? [run.guardId] : siteGuards.get(run.siteId);
    if (walkers === undefined || walkers.length === 0) {
      anyGuard.push(...targets);
      continue;
    }
    for (const guardId of walkers) byGuard.set(guardId, [...(byGuard.get(guardId) ?? []), ...targets]);
  }
  if (anyGuard.length > 0) for (const [guardId, list] of byGuard) byGuard.set(guardId, [...list, ...anyGuard]);
  return { forGuard: (guardId) => byGuard.get(guardId) ?? (anyGuard.length > 0 ? anyGuard : NONE) };
}

function pick({ lat, lon, radiusM }: CheckpointPoint) {
  return { lat, lon, radiusM };
}

/** Metres between two nearby points (equirectangular: exact enough within a site, and allocation-free). */
export function metresBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const y = lat2 - lat1;
  return Math.sqrt(x * x + y * y) * METRES_PER_DEGREE;
}

type Fix = { lat: number; lon: number; accuracyM: number | undefined; at: Date };

/**
 * Whether a fix proves a visit: within the checkpoint's radius, with an accuracy no worse than that radius (a fix
 * whose uncertainty is wider than the checkpoint proves nothing), taken once the run was due.
 */
export function fixReaches(target: GpsTarget, fix: Fix): boolean {
  return (
    fix.at.getTime() >= target.dueAt &&
    (fix.accuracyM ?? 0) <= target.radiusM &&
    metresBetween(fix.lat, fix.lon, target.lat, target.lon) <= target.radiusM
  );
}
