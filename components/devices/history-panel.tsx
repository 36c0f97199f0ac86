"use client";
// The device's history over a chosen range (issue 20, item 7): battery,
// signal and temperature for any device, and a sensor's readings (numbers
// charted per kind, states such as door open/closed listed).
import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SensorReadingDto, TelemetryPointDto } from "@/server/contracts/device-history";
import { useDeviceHistory } from "./use-device-history";

const RANGES = [
  { hours: 6, label: "6 hours" },
  { hours: 24, label: "24 hours" },
  { hours: 24 * 7, label: "7 days" },
] as const;

type Point = { at: number } & Record<string, number | null>;
type Series = { key: string; label: string; unit: string };

const TELEMETRY: Series[] = [
  { key: "battery", label: "Battery", unit: "%" },
  { key: "signalDbm", label: "Signal", unit: "dBm" },
  { key: "temperatureC", label: "Temperature", unit: "°C" },
];

const time = (at: number, hours: number) =>
  new Date(at).toLocaleString(
    undefined,
    hours > 24 ? { day: "numeric", month: "short", hour: "2-digit" } : { hour: "2-digit", minute: "2-digit" },
  );

function SeriesChart({ points, series, hours }: { points: Point[]; series: Series; hours: number }) {
  const shown = points.filter((p) => p[series.key] !== null && p[series.key] !== undefined);
  if (shown.length === 0) return null;
  return (
    <figure className="history-chart" aria-label={`${series.label} (${series.unit})`} data-series={series.key}>
      <figcaption>
        {series.label}{" "}
        <span className="muted">
          ({series.unit}, {shown.length} points)
        </span>
      </figcaption>
      <ResponsiveContainer width="100%" height={140}>
        <LineChart data={shown} margin={{ top: 6, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#24314f" strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(at: number) => time(at, hours)}
            stroke="#8b98b5"
            fontSize={11}
          />
          <YAxis stroke="#4ea1ff" fontSize={11} domain={["auto", "auto"]} />
          <Tooltip
            contentStyle={{ background: "#111a2e", border: "1px solid #24314f" }}
            labelFormatter={(at) => new Date(Number(at)).toLocaleString()}
          />
          <Line dataKey={series.key} name={series.label} stroke="#4ea1ff" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

function TelemetryCharts({ base, hours }: { base: string; hours: number }) {
  const history = useDeviceHistory<TelemetryPointDto>(base, "telemetry", hours);
  if (history.state !== "ready") return <HistoryStatus history={history} />;
  const points: Point[] = history.rows.map((r) => ({
    at: Date.parse(r.recordedAt),
    battery: r.battery,
    signalDbm: r.signalDbm,
    temperatureC: r.temperatureC,
  }));
  if (points.length === 0) return <p className="muted">No telemetry in this range.</p>;
  return (
    <>
      {TELEMETRY.map((s) => (
        <SeriesChart key={s.key} points={points} series={s} hours={hours} />
      ))}
      {history.truncated && <p className="muted">Showing the first {points.length} points of the range.</p>}
    </>
  );
}

function ReadingCharts({ base, hours }: { base: string; hours: number }) {
  const history = useDeviceHistory<SensorReadingDto>(base, "readings", hours);
  if (history.state !== "ready") return <HistoryStatus history={history} />;
  const numeric = history.rows.filter((r) => r.value !== null);
  const events = history.rows
    .filter((r) => r.value === null)
    .slice(-20)
    .reverse();
  const kinds = [...new Set(numeric.map((r) => r.kind))];
  if (history.rows.length === 0) return <p className="muted">No readings in this range.</p>;
  return (
    <>
      {kinds.map((kind) => (
        <SeriesChart
          key={kind}
          points={numeric
            .filter((r) => r.kind === kind)
            .map((r) => ({ at: Date.parse(r.recordedAt), [kind]: r.value }))}
          series={{ key: kind, label: kind, unit: "value" }}
          hours={hours}
        />
      ))}
      {events.length > 0 && (
        <table className="table history-events" aria-label="Latest readings">
          <thead>
            <tr>
              <th>Time</th>
              <th>Kind</th>
              <th>Reading</th>
            </tr>
          </thead>
          <tbody>
            {events.map((r, i) => (
              <tr key={`${r.recordedAt}-${i}`}>
                <td>{new Date(r.recordedAt).toLocaleString()}</td>
                <td>{r.kind}</td>
                <td>{r.state ?? r.text ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function HistoryStatus({ history }: { history: { state: "loading" } | { state: "failed"; message: string } }) {
  return history.state === "loading" ? (
    // Not a status region: the page's one status is its live connection.
    <p className="muted" aria-busy="true">
      Loading…
    </p>
  ) : (
    <p className="notice" data-tone="danger" role="alert">
      {history.message}
    </p>
  );
}

export function HistoryPanel({ base, isSensor }: { base: string; isSensor: boolean }) {
  const [hours, setHours] = useState<number>(24);
  return (
    <section className="panel" aria-labelledby="history-heading">
      <div className="panel-header">
        <h2 id="history-heading">History</h2>
        <label className="muted">
          Range{" "}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))} aria-label="History range">
            {RANGES.map((r) => (
              <option key={r.hours} value={r.hours}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isSensor ? <ReadingCharts base={base} hours={hours} /> : <TelemetryCharts base={base} hours={hours} />}
    </section>
  );
}
