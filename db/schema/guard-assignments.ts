import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { guards } from "./guards";
import { sites } from "./sites";
import { tenants } from "./tenants";

/** A weekly window: ISO weekdays (1 = Monday .. 7 = Sunday), "HH:MM" local times; to < from wraps past midnight. */
export type ShiftWindow = { days: number[]; from: string; to: string };

// A guard assigned to a site, with weekly shifts in a time zone (none: always on shift).
export const guardAssignments = pgTable(
  "guard_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    guardId: uuid("guard_id")
      .notNull()
      .references(() => guards.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    shifts: jsonb("shifts").$type<ShiftWindow[]>().notNull().default([]),
    timezone: text("timezone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("guard_assignments_guard_site_key").on(t.guardId, t.siteId),
    index("guard_assignments_tenant_idx").on(t.tenantId),
  ],
);
