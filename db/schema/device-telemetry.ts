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

export const deviceTelemetry = pgTable(
  "device_telemetry",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id").notNull(),
    deviceId: uuid("device_id").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    battery: doublePrecision("battery"),
    signalDbm: doublePrecision("signal_dbm"),
    temperatureC: doublePrecision("temperature_c"),
    msgId: text("msg_id"),
    extra: jsonb("extra"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recordedAt] }),
    index("device_telemetry_device_time_idx").on(t.deviceId, t.recordedAt),
  ],
);
