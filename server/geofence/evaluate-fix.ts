// The per-guard geofence state machine: jitter-proof and accuracy-aware.
// A fix counts as outside only when its whole accuracy circle lies outside
// every assigned fence plus its buffer; it counts as back only when it is
// within a fence plus buffer. Fixes in between change nothing, so GPS jitter
// along an edge never raises or closes a violation. A violation is confirmed
// by N consecutive outside fixes or T seconds outside, and a fix older than
// the last one processed is history only.
import { metresOutside, type PreparedFence } from "./fence";

export type GuardFenceState = {
  status: "inside" | "outside";
  lastFixAt: number;
  outsideFixes: number;
  outsideSince: number | null;
};

export type Fix = { lat: number; lon: number; accuracyM: number; at: number };

type FenceEvent<F extends PreparedFence> =
  | {
      kind: "violation";
      fence: F;
      metresOutside: number;
      accuracyM: number;
      confirmedBy: { fixes: number; seconds: number };
    }
  | { kind: "returned"; fence: F };

export type Evaluation<F extends PreparedFence = PreparedFence> = {
  state: GuardFenceState;
  events: FenceEvent<F>[];
  outside: boolean;
  stale: boolean;
};

const initialState: GuardFenceState = { status: "inside", lastFixAt: 0, outsideFixes: 0, outsideSince: null };

export function evaluateFix<F extends PreparedFence>(
  previous: GuardFenceState | undefined,
  fix: Fix,
  fences: F[],
): Evaluation<F> {
  const state = previous ?? initialState;
  if (fix.at <= state.lastFixAt) return { state, events: [], outside: state.status === "outside", stale: true };
  if (fences.length === 0)
    return { state: { ...initialState, lastFixAt: fix.at }, events: [], outside: false, stale: false };

  // The fence the fix is closest to (by distance beyond its buffer) decides.
  let nearest = fences[0]!;
  let beyond = Infinity;
  for (const fence of fences) {
    const d = metresOutside(fence, fix.lon, fix.lat) - fence.bufferM;
    if (d < beyond) {
      beyond = d;
      nearest = fence;
    }
  }
  const clearlyOutside = beyond > fix.accuracyM;
  const backInside = beyond <= 0;
  const next: GuardFenceState = { ...state, lastFixAt: fix.at };
  const events: FenceEvent<F>[] = [];

  if (clearlyOutside) {
    next.outsideFixes = state.outsideFixes + 1;
    next.outsideSince = state.outsideSince ?? fix.at;
    const seconds = (fix.at - next.outsideSince) / 1000;
    const confirmed =
      next.outsideFixes >= nearest.confirmFixes ||
      (nearest.confirmSeconds !== null && seconds >= nearest.confirmSeconds);
    if (state.status === "inside" && confirmed) {
      next.status = "outside";
      events.push({
        kind: "violation",
        fence: nearest,
        metresOutside: Math.round(beyond * 10) / 10,
        accuracyM: fix.accuracyM,
        confirmedBy: { fixes: next.outsideFixes, seconds: Math.round(seconds) },
      });
    }
  } else if (backInside) {
    if (state.status === "outside") events.push({ kind: "returned", fence: nearest });
    next.status = "inside";
    next.outsideFixes = 0;
    next.outsideSince = null;
  }
  return { state: next, events, outside: next.status === "outside", stale: false };
}
