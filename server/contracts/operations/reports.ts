// Manager reports over a date range, as JSON or a CSV download.
import type { ZodType } from "zod";
import { defineOperation } from "../operation";
import {
  alertOutcomesReport,
  geofenceViolationsReport,
  patrolComplianceReport,
  reportQuery,
  reportRoles,
  responseTimesReport,
  type ReportName,
} from "../reports";

const report = <R>(name: ReportName, summary: string, schema: ZodType<R>) =>
  defineOperation({
    method: "get",
    path: `/api/v1/reports/${name}`,
    summary,
    tag: "Reports",
    roles: reportRoles,
    query: reportQuery,
    response: {
      status: 200,
      description: "The report (format=json), or a CSV download (format=csv).",
      schema,
      csv: true,
    },
  });

export const geofenceViolations = report(
  "geofence-violations",
  "Geofence violations by day (in the site's time zone), site and guard.",
  geofenceViolationsReport,
);

export const responseTimes = report(
  "response-times",
  "Per site: alerts raised, acknowledged and resolved; median and p90 seconds to each.",
  responseTimesReport,
);

export const alertOutcomes = report(
  "alert-outcomes",
  "Alerts by type and outcome, with the false-alarm rate.",
  alertOutcomesReport,
);

export const patrolCompliance = report(
  "patrol-compliance",
  "Per site, tour and day (in the site's time zone): tour runs due, completed on time, late, missed and open, " +
    "and the share of checkpoints visited on time. guardId: the runs that guard was to walk or took part in.",
  patrolComplianceReport,
);
