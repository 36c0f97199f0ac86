import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { guards } from "./guards";
import { tenants } from "./tenants";

// Each guard's geofence state machine, persisted with every batch so that a
// restart neither re-fires a violation nor forgets one.
export const guardFenceStates = pgTable("guard_fence_states", {
  guardId: uuid("guard_id")
    .primaryKey()
    .references(() => guards.id, { onDelete: "cascade" }),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" }),
  status: text("status").$type<"inside" | "outside">().notNull(),
  lastFixAt: timestamp("last_fix_at", { withTimezone: true }).notNull(),
  outsideFixes: integer("outside_fixes").notNull().default(0),
  outsideSince: timestamp("outside_since", { withTimezone: true }),
  /** The fences the last fix was inside, for enter and exit events. */
  insideFenceIds: uuid("inside_fence_ids").array().notNull().default([]),
  openViolationId: uuid("open_violation_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
