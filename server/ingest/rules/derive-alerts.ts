// The evaluate step for readings: sensor readings and telemetry that a rule
// turns into an alert become alert envelopes, raised in the same batch
// transaction as the readings themselves. A tenant may disable these derived
// alerts by type (alarms devices send on alert/ topics are always raised).
import { DEFAULT_ALERT_RULES, type AlertRules } from "../../contracts/alert-rules";
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

export function deriveAlerts(envelopes: Envelope[], rulesByTenant: Map<string, AlertRules>): Envelope[] {
  const derived: Envelope[] = [];
  for (const e of envelopes) {
    const rules = rulesByTenant.get(e.source!.tenantId) ?? DEFAULT_ALERT_RULES;
    const push = (alert: DerivedAlert | null) => {
      if (alert && !rules.disabled.includes(alert.type)) derived.push(asAlert(e, alert));
    };
    if (e.family === "sensor") {
      const site = e.source!.site;
      const armed = site ? isArmed(site.armedSchedule, site.timezone, recordedAt(e)) : false;
      push(sensorAlert(e.kind!, e.data!, armed));
    } else if (e.family === "system") {
      push(systemAlert(e.kind!, e.data!.status));
    } else if (e.family === "device" || e.family === "guard") {
      push(batteryAlert(e.data!.battery, rules.lowBatteryPercent));
    }
  }
  return derived;
}
