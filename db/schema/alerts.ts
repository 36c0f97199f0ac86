import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { devices } from "./devices";
import { guards } from "./guards";
import { sites } from "./sites";
import { tenants } from "./tenants";
import { users } from "./users";

export const alertSeverity = pgEnum("alert_severity", ["critical", "high", "medium", "low", "info"]);
export const alertStatus = pgEnum("alert_status", ["NEW", "ACKNOWLEDGED", "RESOLVED"]);
export const alertOutcome = pgEnum("alert_outcome", ["real", "false_alarm", "test"]);

export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "set null" }),
    guardId: uuid("guard_id").references(() => guards.id, { onDelete: "set null" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    // Who raised it, e.g. "device:<uuid>" or "guard:<uuid>": one open alert per (source, type).
    sourceKey: text("source_key").notNull(),
    type: text("type").notNull(),
    severity: alertSeverity("severity").notNull(),
    status: alertStatus("status").notNull().default("NEW"),
    message: text("message").notNull().default(""),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    count: integer("count").notNull().default(1),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    claimedBy: uuid("claimed_by").references(() => users.id, { onDelete: "set null" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    outcome: alertOutcome("outcome"),
    resolutionNote: text("resolution_note"),
    extra: jsonb("extra"),
    // The promoted false-alarm model's probability that this alert is false (never for panic or man-down).
    falseAlarmScore: doublePrecision("false_alarm_score"),
    scoredByModelVersion: integer("scored_by_model_version"),
  },
  (t) => [
    uniqueIndex("alerts_open_source_type_key")
      .on(t.tenantId, t.sourceKey, t.type)
      .where(sql`status <> 'RESOLVED'`),
    index("alerts_tenant_status_idx").on(t.tenantId, t.status, t.createdAt),
  ],
);
