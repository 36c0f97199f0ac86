// Whether a site is armed at an instant: its weekly armed windows in the site's time zone.
import type { ArmedWindow } from "../../../db/schema/sites";
import { inWeeklyWindows } from "../../lib/weekly-windows";

export function isArmed(schedule: ArmedWindow[], timezone: string, at: Date): boolean {
  return inWeeklyWindows(schedule, timezone, at);
}
