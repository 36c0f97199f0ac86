import { doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Polygon } from "geojson";
import { sites } from "./sites";
import { tenants } from "./tenants";

export const geofenceKind = pgEnum("geofence_kind", ["polygon", "circle"]);

// A site's fence: a polygon (GeoJSON, lon/lat) or a circle, with a buffer and
// the rule that confirms a violation (N consecutive fixes or T seconds outside).
export const geofences = pgTable(
  "geofences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    name: text("name").notNull().default(""),
    kind: geofenceKind("kind").notNull(),
    polygon: jsonb("polygon").$type<Polygon>(),
    centerLon: doublePrecision("center_lon"),
    centerLat: doublePrecision("center_lat"),
    radiusM: doublePrecision("radius_m"),
    bufferM: doublePrecision("buffer_m").notNull().default(10),
    confirmFixes: integer("confirm_fixes").notNull().default(3),
    confirmSeconds: integer("confirm_seconds"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("geofences_tenant_idx").on(t.tenantId), index("geofences_site_idx").on(t.siteId)],
);
