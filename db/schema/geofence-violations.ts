import { doublePrecision, index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { geofences } from "./geofences";
import { guards } from "./guards";
import { sites } from "./sites";
import { tenants } from "./tenants";

// A confirmed violation and why: which fence, how far outside, the accuracy,
// and the fixes or seconds that confirmed it. Closed when the guard returns.
export const geofenceViolations = pgTable(
  "geofence_violations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    guardId: uuid("guard_id")
      .notNull()
      .references(() => guards.id, { onDelete: "cascade" }),
    geofenceId: uuid("geofence_id").references(() => geofences.id, { onDelete: "set null" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    alertId: uuid("alert_id").references(() => alerts.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    metresOutside: doublePrecision("metres_outside").notNull(),
    accuracyM: doublePrecision("accuracy_m").notNull(),
    confirmedFixes: integer("confirmed_fixes").notNull(),
    confirmedSeconds: integer("confirmed_seconds").notNull(),
  },
  (t) => [
    index("geofence_violations_tenant_time_idx").on(t.tenantId, t.startedAt),
    index("geofence_violations_guard_idx").on(t.guardId, t.startedAt),
  ],
);
