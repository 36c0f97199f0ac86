// The evaluate step for readings: sensor readings, system health and
// telemetry that a rule turns into an alert become alert candidates, raised in
// the same batch transaction as the readings themselves. A tenant may disable
// these derived alerts by type (alarms devices send on alert/ topics are
// always raised). No receipt: receipts answer alarms, not readings.
import { DEFAULT_ALERT_RULES, type AlertRules } from "../../contracts/alert-rules";
import type { AlertCandidate } from "../../services/alerts/alert-candidate";
import { alertSubject } from "../persist/alert-subject";
import type { ValidatedMessage } from "../pipeline/types";
import { isArmed } from "./armed-schedule";
import { batteryAlert, sensorAlert, systemAlert, type DerivedAlert } from "./sensor-rules";

function ruleAlert(message: ValidatedMessage): DerivedAlert | null {
  switch (message.family) {
    case "sensor": {
      const { site } = message.source;
      const armed = site ? isArmed(site.armedSchedule, site.timezone, message.recordedAt) : false;
      return sensorAlert(message.kind, message.data, armed);
    }
    case "system":
      return systemAlert(message.kind, message.data.status);
    default:
      return null;
  }
}

export function deriveAlerts(messages: ValidatedMessage[], rulesByTenant: Map<string, AlertRules>): AlertCandidate[] {
  const derived: AlertCandidate[] = [];
  for (const message of messages) {
    const { source } = message;
    const rules = rulesByTenant.get(source.tenantId) ?? DEFAULT_ALERT_RULES;
    const alert =
      message.family === "device" || message.family === "guard"
        ? batteryAlert(message.data.battery, rules.lowBatteryPercent)
        : ruleAlert(message);
    if (!alert || rules.disabled.includes(alert.type)) continue;
    derived.push({
      tenantId: source.tenantId,
      subject: alertSubject(source),
      siteId: source.siteId,
      type: alert.type,
      severity: alert.severity,
      message: alert.message,
      location: null,
      at: message.recordedAt,
      extra: null,
    });
  }
  return derived;
}
