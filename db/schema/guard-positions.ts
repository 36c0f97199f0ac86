import { doublePrecision, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { guards } from "./guards";
import { tenants } from "./tenants";

// The newest fix per guard, upserted with each batch: the NOC map loads from here.
export const guardPositions = pgTable("guard_positions", {
  guardId: uuid("guard_id")
    .primaryKey()
    .references(() => guards.id, { onDelete: "cascade" }),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" }),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
  accuracyM: doublePrecision("accuracy_m"),
  battery: doublePrecision("battery"),
});
