import { integer, jsonb, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { devices } from "./devices";
import { tenants } from "./tenants";
import { users } from "./users";

// Desired configuration versions, published retained on {family}/{id}/config; applied_at when the device reports it.
export const deviceConfigs = pgTable(
  "device_configs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    config: jsonb("config").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [unique("device_configs_device_version_key").on(t.deviceId, t.version)],
);
