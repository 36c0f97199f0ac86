import { bigserial, doublePrecision, index, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";

export const geofenceEventKind = pgEnum("geofence_event_kind", ["enter", "exit"]);

// A guard entering or leaving a fence (the fence itself, without buffer).
// No foreign keys: written with every batch of fixes, like guard_locations.
export const geofenceEvents = pgTable(
  "geofence_events",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    tenantId: uuid("tenant_id").notNull(),
    guardId: uuid("guard_id").notNull(),
    geofenceId: uuid("geofence_id").notNull(),
    siteId: uuid("site_id").notNull(),
    kind: geofenceEventKind("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.at] }),
    index("geofence_events_guard_idx").on(t.guardId, t.at),
    index("geofence_events_tenant_idx").on(t.tenantId, t.at),
  ],
);
