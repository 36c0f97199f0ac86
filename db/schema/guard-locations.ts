import {
  bigserial,
  boolean,
  doublePrecision,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Every GPS fix, oldest to newest per guard. No foreign keys on high-volume
// tables: the ingestor writes only rows of sources it has just looked up, and
// the checks would cost more than half of each insert.
// Partitioned by day on recorded_at (migration 0010, which drizzle cannot
// express): the primary key includes the partition column, as PostgreSQL
// requires, and so does the unique index below; db/partitions.ts keeps partitions ahead and drops expired ones.
export const guardLocations = pgTable(
  "guard_locations",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id").notNull(),
    guardId: uuid("guard_id").notNull(),
    deviceId: uuid("device_id"),
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
  (t) => [
    primaryKey({ columns: [t.id, t.recordedAt] }),
    // A guard's track by time, and the dedupe of fixes that carry their own time and msg_id: a resent fix is the
    // same guard, time and msg_id, and its insert does nothing (server/ingest/persist/store-guard-locations.ts).
    uniqueIndex("guard_locations_guard_time_msg_idx").on(t.guardId, t.recordedAt, t.msgId),
  ],
);
