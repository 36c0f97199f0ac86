// The CSV form of each report: one header line, then its rows, with the
// columns in the same order as the JSON fields. csv-stringify quotes what
// needs quoting and defuses cells a spreadsheet would run as a formula.
import { stringify } from "csv-stringify/sync";
import type {
  AlertOutcomesReport,
  GeofenceViolationsReport,
  PatrolComplianceReport,
  ReportName,
  ResponseTimesReport,
} from "../../contracts/reports";

export type Reports = {
  "geofence-violations": GeofenceViolationsReport;
  "response-times": ResponseTimesReport;
  "alert-outcomes": AlertOutcomesReport;
  "patrol-compliance": PatrolComplianceReport;
};

const columns: { [N in ReportName]: (keyof Reports[N]["rows"][number] & string)[] } = {
  "geofence-violations": [
    "day",
    "siteId",
    "siteName",
    "timezone",
    "guardId",
    "guardExternalId",
    "guardName",
    "violations",
    "secondsOutside",
    "maxMetresOutside",
  ],
  "response-times": [
    "siteId",
    "siteName",
    "raised",
    "acknowledged",
    "resolved",
    "ackMedianSeconds",
    "ackP90Seconds",
    "resolveMedianSeconds",
    "resolveP90Seconds",
  ],
  "alert-outcomes": ["type", "total", "open", "real", "falseAlarm", "test", "falseAlarmRate"],
  "patrol-compliance": [
    "day",
    "siteId",
    "siteName",
    "timezone",
    "tourId",
    "tourName",
    "due",
    "completed",
    "late",
    "missed",
    "open",
    "checkpointsDue",
    "checkpointsOnTime",
    "onTimePercent",
  ],
};

export function reportCsv<N extends ReportName>(name: N, report: Reports[N]): string {
  return stringify(report.rows as Record<string, unknown>[], {
    header: true,
    columns: columns[name],
    escape_formulas: true,
    cast: { number: (n) => String(Math.round(n * 1000) / 1000) },
  });
}

export function reportFilename(name: ReportName, { from, to }: { from: string; to: string }): string {
  return `vigil-${name}-${from}-to-${to}.csv`;
}
