// Latest telemetry of a device (device/{id}/telemetry): battery, signal,
// temperature, and when it was last heard from.
import type { DeviceDetailDto } from "@/server/contracts/api";
import { RelativeTime } from "../ui/relative-time";

function batteryTone(battery: number | null): string | undefined {
  if (battery === null) return undefined;
  return battery < 20 ? "danger" : battery < 40 ? "warn" : "ok";
}

function Stat({
  label,
  value,
  unit,
  tone,
  testId,
}: {
  label: string;
  value: number | null;
  unit: string;
  tone?: string;
  testId: string;
}) {
  return (
    <div className="stat" data-tone={tone}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {value === null ? <span className="muted">—</span> : `${value} ${unit}`}
      </span>
    </div>
  );
}

export function TelemetryPanel({ device }: { device: DeviceDetailDto }) {
  const t = device.latestTelemetry;
  return (
    <section className="panel" aria-labelledby="telemetry-heading">
      <h2 id="telemetry-heading">Telemetry</h2>
      <div className="stats">
        <Stat
          label="Battery"
          value={t?.battery ?? null}
          unit="%"
          tone={batteryTone(t?.battery ?? null)}
          testId="telemetry-battery"
        />
        <Stat label="Signal" value={t?.signalDbm ?? null} unit="dBm" testId="telemetry-signal" />
        <Stat label="Temperature" value={t?.temperatureC ?? null} unit="°C" testId="telemetry-temperature" />
        <div className="stat">
          <span className="stat-label">Last seen</span>
          <span className="stat-value" data-testid="last-seen">
            <RelativeTime iso={device.lastSeenAt} />
          </span>
        </div>
      </div>
      <p className="panel-foot muted">
        {t ? (
          <>
            Reported <RelativeTime iso={t.recordedAt} /> (device clock)
          </>
        ) : (
          <>No telemetry yet: the device publishes it on device/{device.externalId}/telemetry.</>
        )}
      </p>
    </section>
  );
}
