// A tenant's alert rules: the defaults (design: panic and man-down critical,
// smoke a critical fire alarm, door/motion while armed, low battery, offline,
// geofence, system down) with per-tenant severities, disabled types and the
// low-battery threshold. Panic and man-down can be neither disabled nor lowered.
import { z } from "zod";

const severity = z.enum(["critical", "high", "medium", "low", "info"]);
const ALWAYS_CRITICAL = ["panic", "man-down"];
const alertType = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and - only");

export const alertRulesInput = z
  .object({
    severities: z.record(alertType, severity).default({}),
    disabled: z.array(alertType).max(50).default([]),
    lowBatteryPercent: z.number().min(1).max(90).default(15),
  })
  .superRefine((rules, ctx) => {
    for (const type of ALWAYS_CRITICAL) {
      if (rules.disabled.includes(type)) {
        ctx.addIssue({ code: "custom", path: ["disabled"], message: `${type} alerts cannot be disabled` });
      }
      const given = rules.severities[type];
      if (given && given !== "critical") {
        ctx.addIssue({ code: "custom", path: ["severities", type], message: `${type} alerts are always critical` });
      }
    }
  });

export type AlertRules = z.infer<typeof alertRulesInput>;

export const DEFAULT_ALERT_RULES: AlertRules = { severities: {}, disabled: [], lowBatteryPercent: 15 };

/** NOTIFY channel on which rule changes reach the ingest processes. */
export const ALERT_RULES_CHANNEL = "vigil_alert_rules";
