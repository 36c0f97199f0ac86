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

// Readings from sensor/{sensorId}/{kind}: smoke, door, motion, temperature, ...
export const sensorReadings = pgTable(
  "sensor_readings",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id").notNull(),
    deviceId: uuid("device_id").notNull(),
    kind: text("kind").notNull(),
    valueNum: doublePrecision("value_num"),
    valueText: text("value_text"),
    state: text("state"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    msgId: text("msg_id"),
    extra: jsonb("extra"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recordedAt] }),
    index("sensor_readings_device_time_idx").on(t.deviceId, t.recordedAt),
  ],
);
