"use client";
// Alerts per type stacked by outcome, and the false-alarm rate per type.
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AlertOutcomesReport } from "@/server/contracts/reports";
import { chartTheme, formatPercent, type Range } from "./report-format";
import { historySearch, NO_FILTER } from "../alerts/history-filters";
import { ReportSection } from "./report-section";

const outcomes = [
  { key: "real", label: "Real", colour: "#ff5c5c" },
  { key: "falseAlarm", label: "False alarm", colour: "#f5b942" },
  { key: "test", label: "Test", colour: "#8b98b5" },
  { key: "open", label: "Open", colour: "#4ea1ff" },
] as const;

export function AlertOutcomesReportView({ report, range }: { report: AlertOutcomesReport; range: Range }) {
  const chart = (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={report.rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={chartTheme.grid} vertical={false} />
        <XAxis dataKey="type" stroke={chartTheme.axis} fontSize={12} />
        <YAxis allowDecimals={false} stroke={chartTheme.axis} fontSize={12} />
        <Tooltip contentStyle={chartTheme.tooltip} cursor={{ fill: "rgba(78,161,255,0.08)" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {outcomes.map((o) => (
          <Bar isAnimationActive={false} key={o.key} dataKey={o.key} name={o.label} stackId="outcome" fill={o.colour} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  const { totals } = report;
  return (
    <ReportSection
      name="alert-outcomes"
      title={`Alert outcomes (false alarms ${formatPercent(totals.falseAlarmRate)})`}
      range={range}
      empty={report.rows.length === 0}
      chart={chart}
    >
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Type</th>
            <th>Alerts</th>
            <th>Real</th>
            <th>False alarm</th>
            <th>Test</th>
            <th>Open</th>
            <th>False-alarm rate</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.type}>
              <td className="primary" data-label="Type">
                <Link
                  href={`/alerts?${historySearch({ ...NO_FILTER, type: r.type, from: range.from, to: range.to }).toString()}`}
                  title="These alerts in the alert history"
                >
                  {r.type}
                </Link>
              </td>
              <td data-label="Alerts">{r.total}</td>
              <td data-label="Real">{r.real}</td>
              <td data-label="False alarm">{r.falseAlarm}</td>
              <td data-label="Test">{r.test}</td>
              <td data-label="Open">{r.open}</td>
              <td data-label="False-alarm rate">{formatPercent(r.falseAlarmRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel-foot muted">False-alarm rate: false alarms among alerts resolved as real or false.</p>
    </ReportSection>
  );
}
