// /reports - manager reports over a date range: geofence violations, response
// times, alert outcomes and patrol compliance, each with a chart, a table and a CSV download.
import type { Metadata } from "next";
import { ReportsConsole } from "@/components/reports/reports-console";
import { reportQuery, reportRoles } from "@/server/contracts/reports";
import { requirePageActor } from "@/server/auth/page-auth";
import { alertOutcomesReport } from "@/server/presenters/reports/alert-outcomes-report";
import { geofenceViolationsReport } from "@/server/presenters/reports/geofence-violations-report";
import { patrolComplianceReport } from "@/server/presenters/reports/patrol-compliance-report";
import { responseTimesReport } from "@/server/presenters/reports/response-times-report";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";
import "../styles/reports.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

const DEFAULT_DAYS = 30;

export default async function ReportsPage() {
  const actor = await requirePageActor();
  const allowed = (reportRoles as readonly string[]).includes(actor.role);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const query = reportQuery.parse({ from, to: today });
  const { db, sql } = getRuntime();
  const initial = allowed
    ? {
        range: { from, to: today },
        violations: await geofenceViolationsReport(db, actor, query),
        responseTimes: await responseTimesReport(db, actor, query),
        outcomes: await alertOutcomesReport(db, actor, query),
        patrols: await patrolComplianceReport(sql, actor, query),
      }
    : null;
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Reports</h1>
          <span className="muted">Violations, response times, alert outcomes and patrols</span>
        </div>
        {initial ? (
          <ReportsConsole initial={initial} today={today} />
        ) : (
          <p className="empty muted">Reports are open to managers, admins and operators.</p>
        )}
      </main>
    </ConsoleFrame>
  );
}
