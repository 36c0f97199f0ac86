// A tenant's alert rules: the defaults (design: panic and man-down critical,
// smoke a critical fire alarm, door/motion while armed, low battery, offline,
// geofence, system down) with per-tenant severities, disabled types and the
// low-battery threshold. Panic, man-down and the lone-worker alerts (duress, check-in-missed) can be neither
// disabled nor lowered.
import { z } from "zod";

const severity = z.enum(["critical", "high", "medium", "low", "info"]);
const ALWAYS_CRITICAL = ["panic", "man-down", "duress", "check-in-missed"];
const alertType = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and - only");

/** How often each kind of device is expected to report, in seconds, unless a device sets its own. */
export const DEFAULT_REPORT_INTERVALS = { "guard-phone": 30, sensor: 300, "panic-button": 3600, gateway: 60 };

const liveness = z.object({
  /** Per device kind; a device's own expected interval wins. */
  intervalSeconds: z
    .object({
      "guard-phone": z.number().int().min(5).max(86_400),
      sensor: z.number().int().min(5).max(86_400),
      "panic-button": z.number().int().min(5).max(86_400),
      gateway: z.number().int().min(5).max(86_400),
    })
    .partial()
    .default({}),
  /** Missed intervals before a device is offline. */
  missedIntervals: z.number().int().min(1).max(20).default(3),
  /** Man-down: a guard on shift who moved no more than this ... */
  manDownMetres: z.number().min(1).max(500).default(15),
  /** ... in this many minutes. */
  manDownMinutes: z.number().min(1).max(240).default(10),
  /** ... then asks the guard's phones "Are you OK?" and alarms only if unanswered this long (0: alarm at once). */
  manDownCancelSeconds: z.number().int().min(0).max(300).default(30),
});

export const alertRulesInput = z
  .object({
    severities: z.record(alertType, severity).default({}),
    disabled: z.array(alertType).max(50).default([]),
    lowBatteryPercent: z.number().min(1).max(90).default(15),
    liveness: liveness.default({
      intervalSeconds: {},
      missedIntervals: 3,
      manDownMetres: 15,
      manDownMinutes: 10,
      manDownCancelSeconds: 30,
    }),
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

export const DEFAULT_ALERT_RULES: AlertRules = alertRulesInput.parse({});

/** NOTIFY channel on which rule changes reach the ingest processes. */
export const ALERT_RULES_CHANNEL = "vigil_alert_rules";
