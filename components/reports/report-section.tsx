// One report: its title, the Download CSV link for the same range, the chart
// and the table, or a note when the range holds nothing.
import type { ReactNode } from "react";
import type { ReportName } from "@/server/contracts/reports";
import { reportUrl, type Range } from "./report-format";

type Props = { name: ReportName; title: string; range: Range; empty: boolean; chart: ReactNode; children: ReactNode };

export function ReportSection({ name, title, range, empty, chart, children }: Props) {
  return (
    <section className="panel report" aria-labelledby={`${name}-title`} data-report={name}>
      <div className="report-head">
        <h2 id={`${name}-title`}>{title}</h2>
        <a className="btn-ghost btn-small" href={reportUrl(name, range, "csv")} download>
          Download CSV
        </a>
      </div>
      {empty ? (
        <p className="empty muted">Nothing in this range.</p>
      ) : (
        <>
          <div className="report-chart">{chart}</div>
          <div className="report-table">{children}</div>
        </>
      )}
    </section>
  );
}
