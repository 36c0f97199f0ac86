import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { devices } from "./devices";
import { tenants } from "./tenants";

// Rejected MQTT messages with the reason and the first 4 KiB of the payload.
export const mqttQuarantine = pgTable(
  "mqtt_quarantine",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "set null" }),
    topic: text("topic").notNull(),
    reason: text("reason").notNull(),
    detail: text("detail"),
    payload: text("payload").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mqtt_quarantine_tenant_time_idx").on(t.tenantId, t.receivedAt)],
);
