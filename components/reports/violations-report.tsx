"use client";
// Geofence violations per day, stacked by site, and the rows by day, site and guard.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { GeofenceViolationsReport } from "@/server/contracts/reports";
import { chartTheme, formatSeconds, SERIES_COLOURS, type Range } from "./report-format";
import { ReportSection } from "./report-section";

function perDayBySite(report: GeofenceViolationsReport) {
  const sites = [...new Set(report.rows.map((r) => r.siteName))];
  const days = new Map<string, Record<string, string | number>>();
  for (const row of report.rows) {
    const day = days.get(row.day) ?? { day: row.day };
    day[row.siteName] = ((day[row.siteName] as number | undefined) ?? 0) + row.violations;
    days.set(row.day, day);
  }
  return { sites, data: [...days.values()] };
}

export function ViolationsReport({ report, range }: { report: GeofenceViolationsReport; range: Range }) {
  const { sites, data } = perDayBySite(report);
  const chart = (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={chartTheme.grid} vertical={false} />
        <XAxis dataKey="day" stroke={chartTheme.axis} fontSize={12} />
        <YAxis allowDecimals={false} stroke={chartTheme.axis} fontSize={12} />
        <Tooltip contentStyle={chartTheme.tooltip} cursor={{ fill: "rgba(78,161,255,0.08)" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {sites.map((site, i) => (
          <Bar
            isAnimationActive={false}
            key={site}
            dataKey={site}
            stackId="sites"
            fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
  return (
    <ReportSection
      name="geofence-violations"
      title={`Geofence violations (${report.total})`}
      range={range}
      empty={report.rows.length === 0}
      chart={chart}
    >
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Day</th>
            <th>Site</th>
            <th>Guard</th>
            <th>Violations</th>
            <th>Time outside</th>
            <th>Furthest out</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={`${r.day}-${r.siteId}-${r.guardId}`}>
              <td className="primary" data-label="Day">
                {r.day}
              </td>
              <td data-label="Site" title={r.timezone}>
                {r.siteName}
              </td>
              <td data-label="Guard">{r.guardName}</td>
              <td data-label="Violations">{r.violations}</td>
              <td data-label="Time outside">{formatSeconds(r.secondsOutside)}</td>
              <td data-label="Furthest out">{Math.round(r.maxMetresOutside)} m</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}
