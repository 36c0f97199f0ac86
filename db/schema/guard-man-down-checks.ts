import { doublePrecision, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { guards } from "./guards";
import { tenants } from "./tenants";

// One row per guard the liveness check found lying still (server/liveness/man-down-checks.ts): when the phones were
// asked "Are you OK?", until when the guard may answer, where they lay, and when the man-down alarm was raised, so a
// restart or a second worker neither asks twice nor alarms twice. Deleted when the guard answers, moves or goes off
// shift.
export const guardManDownChecks = pgTable("guard_man_down_checks", {
  guardId: uuid("guard_id")
    .primaryKey()
    .references(() => guards.id, { onDelete: "cascade" }),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" }),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
  cancelSeconds: integer("cancel_seconds").notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
  alarmedAt: timestamp("alarmed_at", { withTimezone: true }),
});
