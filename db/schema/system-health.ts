import {
  bigserial,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { devices } from "./devices";
import { tenants } from "./tenants";

// Health reports from system/{component}/{metric} (gateways, site controllers).
export const systemHealth = pgTable(
  "system_health",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id").notNull(),
    deviceId: uuid("device_id").notNull(),
    metric: text("metric").notNull(),
    status: text("status"),
    valueNum: doublePrecision("value_num"),
    valueText: text("value_text"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    msgId: text("msg_id"),
    extra: jsonb("extra"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recordedAt] }),
    index("system_health_device_time_idx").on(t.deviceId, t.recordedAt),
  ],
);

// The newest report per component and metric, for the per-component view.
export const systemComponents = pgTable(
  "system_components",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    metric: text("metric").notNull(),
    status: text("status"),
    valueNum: doublePrecision("value_num"),
    valueText: text("value_text"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.metric] }), index("system_components_tenant_idx").on(t.tenantId)],
);
