// Lone-worker check-ins (issue 19 item 5): when a guard on shift must check in
// next, and whether the pre-alarm or the missed alert is owed now. A period
// starts at the guard's last check-in, or at the start of the shift, or when
// the schedule began watching the guard, whichever is latest; it is due
// checkInMinutes later and missed graceSeconds after that (and no earlier
// than the tick after the pre-alarm went out). Each is sent once
// per due time (the state remembers the due time it was sent for), so a
// restart or another tick never sends it again, and only a check-in (which
// moves the period's start) makes a new due time. Shifts are the assignment's
// weekly windows in its time zone, as the tour scheduler reads them; an
// assignment without shifts is always on shift.
import { inWeeklyWindows, windowStart, type WeeklyWindow } from "../lib/weekly-windows";

export type CheckInPlan = {
  siteId: string;
  shifts: WeeklyWindow[];
  timezone: string;
  checkInMinutes: number;
  graceSeconds: number;
};

export type CheckInState = {
  /** When the schedule began watching the guard on this shift; null when it was not watching. */
  watchedSince: Date | null;
  lastCheckInAt: Date | null;
  /** The due time the pre-alarm was last sent for, and the one the missed alert was raised for. */
  preAlarmDueAt: Date | null;
  missedDueAt: Date | null;
};

type CheckInDecision =
  | { onShift: false }
  | {
      onShift: true;
      plan: CheckInPlan;
      /** When the current period is (or was) due; null on the first tick of a shift (watching starts now). */
      dueAt: Date | null;
      preAlarm: boolean;
      missed: boolean;
    };

/** The assignment that asks most often among those on shift now, with the start of its shift (null: no shifts). */
function activePlan(plans: readonly CheckInPlan[], now: Date): { plan: CheckInPlan; shiftStart: Date | null } | null {
  let best: { plan: CheckInPlan; shiftStart: Date | null } | null = null;
  for (const plan of plans) {
    if (plan.shifts.length > 0 && !inWeeklyWindows(plan.shifts, plan.timezone, now)) continue;
    if (best !== null && best.plan.checkInMinutes <= plan.checkInMinutes) continue;
    best = { plan, shiftStart: plan.shifts.length === 0 ? null : windowStart(plan.shifts, plan.timezone, now) };
  }
  return best;
}

const sameTime = (a: Date | null, b: Date) => a !== null && a.getTime() === b.getTime();

export function decideCheckIn(plans: readonly CheckInPlan[], state: CheckInState, now: Date): CheckInDecision {
  const active = activePlan(plans, now);
  if (active === null) return { onShift: false };
  const { plan, shiftStart } = active;
  if (state.watchedSince === null) return { onShift: true, plan, dueAt: null, preAlarm: false, missed: false };
  const starts = [state.watchedSince, shiftStart, state.lastCheckInAt].filter((d): d is Date => d !== null);
  const periodStart = Math.max(...starts.map((d) => d.getTime()));
  const dueAt = new Date(periodStart + plan.checkInMinutes * 60_000);
  const due = now.getTime() >= dueAt.getTime();
  const overdue = now.getTime() >= dueAt.getTime() + plan.graceSeconds * 1000;
  return {
    onShift: true,
    plan,
    dueAt,
    preAlarm: due && !sameTime(state.preAlarmDueAt, dueAt),
    // Only once the pre-alarm went out on an earlier tick: the guard always gets a tick to answer it, even when the
    // worker comes back long after the due time or the grace is shorter than the worker's minute.
    missed:
      overdue &&
      !sameTime(state.missedDueAt, dueAt) &&
      (plan.graceSeconds === 0 || sameTime(state.preAlarmDueAt, dueAt)),
  };
}
