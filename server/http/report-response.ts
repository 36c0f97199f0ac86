// A report as JSON, or as a CSV download named after the report and its range.
import type { ReportName } from "../contracts/reports";
import { reportCsv, reportFilename, type Reports } from "../presenters/reports/report-csv";
import { json } from "./api-route";

export function reportResponse<N extends ReportName>(name: N, format: "json" | "csv", report: Reports[N]): Response {
  if (format === "json") return json(report);
  return new Response(reportCsv(name, report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportFilename(name, report)}"`,
      "cache-control": "no-store",
    },
  });
}
