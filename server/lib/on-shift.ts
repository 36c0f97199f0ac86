// Whether a guard is on duty at an instant, from the shift plans of their
// assignments (one plan per assigned site, in that assignment's time zone or
// the site's). No assignment, or an assignment without shifts, means always on
// duty (what Vigil did before shifts existed); otherwise the guard is on duty
// inside any window of any assignment. Tours, man-down and guard-phone offline
// alerts all decide "on shift" here.
import { inWeeklyWindows, type WeeklyWindow } from "./weekly-windows";

export type ShiftPlan = { shifts: WeeklyWindow[]; timezone: string };

export function isOnShift(plans: readonly ShiftPlan[], at: Date): boolean {
  if (plans.length === 0) return true;
  return plans.some((plan) => plan.shifts.length === 0 || inWeeklyWindows(plan.shifts, plan.timezone, at));
}
