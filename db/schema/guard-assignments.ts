import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
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
    // Lone-worker check-ins: while on shift here the guard checks in at least every checkInMinutes (null: never
    // asked); graceSeconds after the pre-alarm a missed check-in raises its alert (server/patrols/check-in-schedule.ts).
    checkInMinutes: integer("check_in_minutes"),
    graceSeconds: integer("grace_seconds").notNull().default(120),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("guard_assignments_guard_site_key").on(t.guardId, t.siteId),
    index("guard_assignments_tenant_idx").on(t.tenantId),
    check("guard_assignments_check_in_minutes", sql`${t.checkInMinutes} between 1 and 1440`),
    check("guard_assignments_grace_seconds", sql`${t.graceSeconds} between 0 and 3600`),
  ],
);
