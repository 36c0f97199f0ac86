import { bigserial, boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { devices } from "./devices";
import { guards } from "./guards";
import { tenants } from "./tenants";

// Every GPS fix, oldest to newest per guard.
export const guardLocations = pgTable(
  "guard_locations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    guardId: uuid("guard_id")
      .notNull()
      .references(() => guards.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    accuracyM: doublePrecision("accuracy_m"),
    speed: doublePrecision("speed"),
    heading: doublePrecision("heading"),
    battery: doublePrecision("battery"),
    geofenceViolation: boolean("geofence_violation").notNull().default(false),
    msgId: text("msg_id"),
    extra: jsonb("extra"),
  },
  (t) => [index("guard_locations_guard_time_idx").on(t.guardId, t.recordedAt)],
);
