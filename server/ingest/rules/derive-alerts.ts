// The evaluate step for readings: sensor readings and telemetry that a rule
// turns into an alert become alert envelopes, raised in the same batch
// transaction as the readings themselves.
import type { Envelope } from "../pipeline/types";
import { isArmed } from "./armed-schedule";
import { recordedAt } from "../persist/recorded-at";
import { batteryAlert, sensorAlert, systemAlert, type DerivedAlert } from "./sensor-rules";

function asAlert(envelope: Envelope, alert: DerivedAlert): Envelope {
  return {
    ...envelope,
    family: "alert",
    kind: alert.type,
    // No msg_id: receipts answer alarms sent on alert/ topics, not readings.
    data: { severity: alert.severity, message: alert.message, timestamp: recordedAt(envelope).toISOString() },
    extra: null,
  };
}

export function deriveAlerts(envelopes: Envelope[]): Envelope[] {
  const derived: Envelope[] = [];
  for (const e of envelopes) {
    if (e.family === "sensor") {
      const site = e.source!.site;
      const armed = site ? isArmed(site.armedSchedule, site.timezone, recordedAt(e)) : false;
      const alert = sensorAlert(e.kind!, e.data!, armed);
      if (alert) derived.push(asAlert(e, alert));
    } else if (e.family === "system") {
      const alert = systemAlert(e.kind!, e.data!.status);
      if (alert) derived.push(asAlert(e, alert));
    } else if (e.family === "device" || e.family === "guard") {
      const alert = batteryAlert(e.data!.battery);
      if (alert) derived.push(asAlert(e, alert));
    }
  }
  return derived;
}
