// Default rules that turn sensor readings and telemetry into alerts: smoke is
// a critical fire alarm; a door opening while the site is armed is a high
// intrusion alert; motion while armed is a medium activity alert; a battery
// under the threshold is one low-battery alert per discharge (the open alert
// absorbs repeats until it is resolved); a system component reporting itself
// down is a high alert.
import type { AlertSeverity } from "../../contracts/socket-events";

export type DerivedAlert = { type: string; severity: AlertSeverity; message: string };

const ACTIVE_STATES = new Set(["alarm", "open", "opened", "detected", "active", "triggered", "on", "true", "1"]);

function isActive(value: unknown, state: unknown): boolean {
  if (typeof state === "string") return ACTIVE_STATES.has(state.toLowerCase());
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value > 0;
  if (typeof value === "string") return ACTIVE_STATES.has(value.toLowerCase());
  return false;
}

export function sensorAlert(
  kind: string,
  data: { value?: unknown; state?: unknown },
  armed: boolean,
): DerivedAlert | null {
  if (!isActive(data.value, data.state)) return null;
  switch (kind.toLowerCase()) {
    case "smoke":
      return { type: "fire", severity: "critical", message: "Smoke detected" };
    case "door":
      return armed ? { type: "intrusion", severity: "high", message: "Door opened while the site is armed" } : null;
    case "motion":
      return armed ? { type: "activity", severity: "medium", message: "Motion while the site is armed" } : null;
    default:
      return null;
  }
}

const DOWN_STATES = new Set(["down", "offline", "failed", "failure", "error", "critical", "unreachable"]);

/** A gateway or site controller reporting a component down (system/{component}/{metric} with such a status). */
export function systemAlert(metric: string, status: unknown): DerivedAlert | null {
  return typeof status === "string" && DOWN_STATES.has(status.toLowerCase())
    ? { type: "system-down", severity: "high", message: `${metric} is ${status.toLowerCase()}` }
    : null;
}

const LOW_BATTERY_PERCENT = 15;

export function batteryAlert(battery: unknown, thresholdPercent = LOW_BATTERY_PERCENT): DerivedAlert | null {
  return typeof battery === "number" && battery < thresholdPercent
    ? { type: "low-battery", severity: "low", message: `Battery at ${Math.round(battery)}%` }
    : null;
}
