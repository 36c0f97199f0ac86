"use client";
// Per site: median and p90 minutes from raised to acknowledged and to resolved.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ResponseTimesReport } from "@/server/contracts/reports";
import { chartTheme, formatSeconds, SERIES_COLOURS, type Range } from "./report-format";
import { ReportSection } from "./report-section";

const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);

const series = [
  { key: "ackMedian", label: "Ack median", colour: SERIES_COLOURS[0] },
  { key: "ackP90", label: "Ack p90", colour: "#1f5fa8" },
  { key: "resolveMedian", label: "Resolve median", colour: SERIES_COLOURS[1] },
  { key: "resolveP90", label: "Resolve p90", colour: "#9a6d1c" },
] as const;

export function ResponseTimesReportView({ report, range }: { report: ResponseTimesReport; range: Range }) {
  const data = report.rows.map((r) => ({
    site: r.siteName,
    ackMedian: minutes(r.ackMedianSeconds),
    ackP90: minutes(r.ackP90Seconds),
    resolveMedian: minutes(r.resolveMedianSeconds),
    resolveP90: minutes(r.resolveP90Seconds),
  }));
  const chart = (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={chartTheme.grid} vertical={false} />
        <XAxis dataKey="site" stroke={chartTheme.axis} fontSize={12} />
        <YAxis stroke={chartTheme.axis} fontSize={12} unit=" min" width={64} />
        <Tooltip
          contentStyle={chartTheme.tooltip}
          cursor={{ fill: "rgba(78,161,255,0.08)" }}
          formatter={(value) => `${String(value)} min`}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Bar isAnimationActive={false} key={s.key} dataKey={s.key} name={s.label} fill={s.colour} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  return (
    <ReportSection
      name="response-times"
      title="Response times"
      range={range}
      empty={report.rows.length === 0}
      chart={chart}
    >
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Site</th>
            <th>Raised</th>
            <th>Acknowledged</th>
            <th>Resolved</th>
            <th>Ack median</th>
            <th>Ack p90</th>
            <th>Resolve median</th>
            <th>Resolve p90</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.siteId ?? "none"}>
              <td className="primary" data-label="Site">
                {r.siteName}
              </td>
              <td data-label="Raised">{r.raised}</td>
              <td data-label="Acknowledged">{r.acknowledged}</td>
              <td data-label="Resolved">{r.resolved}</td>
              <td data-label="Ack median">{formatSeconds(r.ackMedianSeconds)}</td>
              <td data-label="Ack p90">{formatSeconds(r.ackP90Seconds)}</td>
              <td data-label="Resolve median">{formatSeconds(r.resolveMedianSeconds)}</td>
              <td data-label="Resolve p90">{formatSeconds(r.resolveP90Seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}
