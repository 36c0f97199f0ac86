import { jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

/** A tenant's changes to the default alert rules (server/contracts/alert-rules.ts). */
export type AlertRuleOverrides = {
  severities?: Record<string, "critical" | "high" | "medium" | "low" | "info">;
  disabled?: string[];
  lowBatteryPercent?: number;
  liveness?: {
    intervalSeconds?: Partial<Record<"guard-phone" | "sensor" | "panic-button" | "gateway", number>>;
    missedIntervals?: number;
    manDownMetres?: number;
    manDownMinutes?: number;
  };
};

export const alertRuleSettings = pgTable("alert_rule_settings", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  rules: jsonb("rules").$type<AlertRuleOverrides>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
