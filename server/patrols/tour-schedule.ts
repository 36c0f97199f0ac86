// When a tour's runs are due: at startAt, then every repeatMinutes, and only
// while someone who would walk it is on shift. A tour with a guard follows
// that guard's assignment to the site, a tour without one the assignments of
// every guard of the site; an assignment without shifts is always on shift,
// and a tour nobody is assigned for follows its schedule alone.
import { isOnShift as onShift, type ShiftPlan } from "../lib/on-shift";

export type TourTiming = { startAt: Date; repeatMinutes: number | null; windowMinutes: number; createdAt: Date };

/** How far back a run may still be made after the worker was down: older due times are skipped, not alarmed. */
export const CATCH_UP_MS = 6 * 3600_000;

/** The due times in (after, until], oldest first, at most `limit` of them. */
export function dueTimes(
  tour: TourTiming,
  plans: readonly ShiftPlan[],
  after: Date,
  until: Date,
  limit = 1000,
): Date[] {
  const start = tour.startAt.getTime();
  const from = after.getTime();
  const found: Date[] = [];
  if (tour.repeatMinutes === null) {
    if (start > from && start <= until.getTime() && onShift(plans, tour.startAt)) found.push(tour.startAt);
    return found;
  }
  const step = tour.repeatMinutes * 60_000;
  // The first occurrence after `from`.
  let k = start > from ? 0 : Math.floor((from - start) / step) + 1;
  for (let at = start + k * step; at <= until.getTime() && found.length < limit; at = start + ++k * step) {
    const due = new Date(at);
    if (onShift(plans, due)) found.push(due);
  }
  return found;
}

/**
 * The runs to make now: due since the last one made (none yet: since the
 * tour's start), but no further back than CATCH_UP_MS, and none whose window
 * had closed before the tour was created.
 */
export function runsToMake(tour: TourTiming, plans: readonly ShiftPlan[], lastDue: Date | null, now: Date): Date[] {
  const since = Math.max(
    lastDue?.getTime() ?? tour.startAt.getTime() - 1,
    now.getTime() - CATCH_UP_MS,
    tour.createdAt.getTime() - tour.windowMinutes * 60_000,
  );
  return dueTimes(tour, plans, new Date(since), now);
}
