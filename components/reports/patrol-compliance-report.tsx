"use client";
// Tour runs per day stacked by what became of them, and per day, site and tour
// the runs and the share of checkpoints visited on time.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PatrolComplianceReport } from "@/server/contracts/reports";
import { chartTheme, type Range } from "./report-format";
import { ReportSection } from "./report-section";

const outcomes = [
  { key: "completed", label: "On time", colour: "#3ecf8e" },
  { key: "late", label: "Late", colour: "#f5b942" },
  { key: "missed", label: "Missed", colour: "#ff5c5c" },
  { key: "open", label: "Open", colour: "#4ea1ff" },
] as const;

type Day = { day: string } & Record<(typeof outcomes)[number]["key"], number>;

/** One bar per day: every site's and tour's runs of that day. */
function byDay(report: PatrolComplianceReport): Day[] {
  const days = new Map<string, Day>();
  for (const r of report.rows) {
    const day = days.get(r.day) ?? { day: r.day, completed: 0, late: 0, missed: 0, open: 0 };
    for (const { key } of outcomes) day[key] += r[key];
    days.set(r.day, day);
  }
  return [...days.values()];
}

const percent = (value: number | null) => (value === null ? "–" : `${value}%`);

export function PatrolComplianceReportView({ report, range }: { report: PatrolComplianceReport; range: Range }) {
  const chart = (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={byDay(report)} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={chartTheme.grid} vertical={false} />
        <XAxis dataKey="day" stroke={chartTheme.axis} fontSize={12} tickFormatter={(d: string) => d.slice(5)} />
        <YAxis allowDecimals={false} stroke={chartTheme.axis} fontSize={12} />
        <Tooltip contentStyle={chartTheme.tooltip} cursor={{ fill: "rgba(78,161,255,0.08)" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {outcomes.map((o) => (
          <Bar isAnimationActive={false} key={o.key} dataKey={o.key} name={o.label} stackId="runs" fill={o.colour} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  const { totals } = report;
  return (
    <ReportSection
      name="patrol-compliance"
      title={`Patrol compliance (${percent(totals.onTimePercent)} of checkpoints on time)`}
      range={range}
      empty={report.rows.length === 0}
      chart={chart}
    >
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Day</th>
            <th>Site</th>
            <th>Tour</th>
            <th>Due</th>
            <th>On time</th>
            <th>Late</th>
            <th>Missed</th>
            <th>Open</th>
            <th>Checkpoints on time</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={`${r.day}|${r.tourId}`}>
              <td data-label="Day">{r.day}</td>
              <td data-label="Site">{r.siteName}</td>
              <td className="primary" data-label="Tour">
                {r.tourName}
              </td>
              <td data-label="Due">{r.due}</td>
              <td data-label="On time">{r.completed}</td>
              <td data-label="Late">{r.late}</td>
              <td data-label="Missed">{r.missed}</td>
              <td data-label="Open">{r.open}</td>
              <td data-label="Checkpoints on time">
                {percent(r.onTimePercent)} ({r.checkpointsOnTime}/{r.checkpointsDue})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel-foot muted">
        Checkpoints on time: visited before their run&apos;s window closed, among the runs that are over (open runs are
        left out until their window closes).
      </p>
    </ReportSection>
  );
}
