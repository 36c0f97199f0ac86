// Manager reports over a date range (/api/v1/reports/*): the query every
// report takes and the shapes they answer with. Days are calendar days in each
// site's own time zone (sites.timezone); rows without a site use UTC.
import { z } from "zod";

/** The longest range one report covers, in days (both ends included). */
const REPORT_MAX_DAYS = 366;

const reportFormats = ["json", "csv"] as const;

const DAY_MS = 24 * 3600 * 1000;

/** Days from `from` to `to`, both included (1 when they are the same day). */
function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
}

export const reportQuery = z
  .object({
    from: z.iso.date().describe("First day of the range (YYYY-MM-DD), included."),
    to: z.iso.date().describe("Last day of the range (YYYY-MM-DD), included."),
    format: z.enum(reportFormats).default("json").describe("csv answers with a file download."),
    siteId: z.uuid().optional().describe("Only this site."),
    guardId: z.uuid().optional().describe("Only this guard."),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => q.from > q.to || daysInRange(q.from, q.to) <= REPORT_MAX_DAYS, {
    message: `the range may cover at most ${REPORT_MAX_DAYS} days`,
    path: ["to"],
  });
export type ReportQuery = z.infer<typeof reportQuery>;

const range = { from: z.iso.date(), to: z.iso.date() };
const seconds = z.number().nullable().describe("Seconds; null when no alert got that far.");

const geofenceViolationsRow = z.object({
  day: z.iso.date().describe("The day the violation started, in the site's time zone."),
  siteId: z.uuid().nullable(),
  siteName: z.string(),
  timezone: z.string(),
  guardId: z.uuid(),
  guardExternalId: z.string(),
  guardName: z.string(),
  violations: z.number().int(),
  secondsOutside: z.number().describe("Total time outside of the violations that have ended."),
  maxMetresOutside: z.number(),
});

export const geofenceViolationsReport = z.object({
  ...range,
  rows: z.array(geofenceViolationsRow),
  total: z.number().int(),
});
export type GeofenceViolationsReport = z.infer<typeof geofenceViolationsReport>;

const responseTimesRow = z.object({
  siteId: z.uuid().nullable(),
  siteName: z.string(),
  raised: z.number().int(),
  acknowledged: z.number().int(),
  resolved: z.number().int(),
  ackMedianSeconds: seconds,
  ackP90Seconds: seconds,
  resolveMedianSeconds: seconds,
  resolveP90Seconds: seconds,
});

export const responseTimesReport = z.object({ ...range, rows: z.array(responseTimesRow) });
export type ResponseTimesReport = z.infer<typeof responseTimesReport>;

const alertOutcomesRow = z.object({
  type: z.string(),
  total: z.number().int(),
  open: z.number().int(),
  real: z.number().int(),
  falseAlarm: z.number().int(),
  test: z.number().int(),
  falseAlarmRate: z
    .number()
    .nullable()
    .describe("false alarms / (real + false alarms), 0..1; tests and open alerts are left out. Null when none."),
});
export type AlertOutcomesRow = z.infer<typeof alertOutcomesRow>;

export const alertOutcomesReport = z.object({
  ...range,
  rows: z.array(alertOutcomesRow),
  totals: alertOutcomesRow.omit({ type: true }),
});
export type AlertOutcomesReport = z.infer<typeof alertOutcomesReport>;

const patrolComplianceRow = z.object({
  day: z.iso.date().describe("The day the runs were due, in the site's time zone."),
  siteId: z.uuid(),
  siteName: z.string(),
  timezone: z.string(),
  tourId: z.uuid(),
  tourName: z.string(),
  due: z.number().int().describe("Runs due that day: completed + late + missed + open."),
  completed: z.number().int().describe("Finished within their window."),
  late: z.number().int().describe("Finished after their window closed."),
  missed: z.number().int().describe("Window closed with checkpoints unvisited."),
  open: z.number().int().describe("Window still open (scheduled or in progress)."),
  checkpointsDue: z.number().int().describe("Checkpoints of the runs that are over (completed, late or missed)."),
  checkpointsOnTime: z.number().int().describe("Of those, visited before their run's window closed."),
  onTimePercent: z
    .number()
    .nullable()
    .describe("checkpointsOnTime / checkpointsDue x 100, 0..100; null when no run is over yet."),
});
export type PatrolComplianceRow = z.infer<typeof patrolComplianceRow>;

export const patrolComplianceReport = z.object({
  ...range,
  rows: z.array(patrolComplianceRow),
  totals: patrolComplianceRow.omit({
    day: true,
    siteId: true,
    siteName: true,
    timezone: true,
    tourId: true,
    tourName: true,
  }),
});
export type PatrolComplianceReport = z.infer<typeof patrolComplianceReport>;

export type ReportName = "geofence-violations" | "response-times" | "alert-outcomes" | "patrol-compliance";

/** Who may read reports: the people who run the NOC, not supervisors in the field. */
export const reportRoles = ["admin", "manager", "operator"] as const;
