import { integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { guards } from "./guards";
import { tenants } from "./tenants";

// One row per guard who checks in or is asked to (server/services/check-ins): the newest check-in, the due time
// the pre-alarm and the missed alert were last sent for (so neither fires twice for one period, across restarts),
// and the wrong PINs in the current throttle window.
export const guardCheckIns = pgTable("guard_check_ins", {
  guardId: uuid("guard_id")
    .primaryKey()
    .references(() => guards.id, { onDelete: "cascade" }),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" }),
  /** Since when the schedule has watched the guard on shift (a period never starts before it); null off shift. */
  watchedSince: timestamp("watched_since", { withTimezone: true }),
  lastCheckInAt: timestamp("last_check_in_at", { withTimezone: true }),
  preAlarmDueAt: timestamp("pre_alarm_due_at", { withTimezone: true }),
  missedDueAt: timestamp("missed_due_at", { withTimezone: true }),
  wrongPins: integer("wrong_pins").notNull().default(0),
  wrongPinsSince: timestamp("wrong_pins_since", { withTimezone: true }),
});
