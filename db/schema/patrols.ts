import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { guards } from "./guards";
import { sites } from "./sites";
import { tenants } from "./tenants";

// A place a patrol must visit, proven by scanning its code (a QR sticker, or an
// NFC tag whose id is the code) or by a GPS fix within radius_m of its point.
export const checkpoints = pgTable(
  "checkpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Unique across tenants, so a scanned code names one checkpoint of one tenant.
    code: text("code").notNull(),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    radiusM: doublePrecision("radius_m"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("checkpoints_code_key").on(t.code), index("checkpoints_site_idx").on(t.tenantId, t.siteId)],
);

// A round of checkpoints due at start_at, then every repeat_minutes, each run to be done within window_minutes.
export const tours = pgTable(
  "tours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    checkpointIds: uuid("checkpoint_ids").array().notNull(),
    ordered: boolean("ordered").notNull().default(false),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    windowMinutes: integer("window_minutes").notNull(),
    repeatMinutes: integer("repeat_minutes"),
    guardId: uuid("guard_id").references(() => guards.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // A deleted tour makes no more runs; its runs stay for the reports.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("tours_site_idx").on(t.tenantId, t.siteId)],
);

export const tourRunStatus = pgEnum("tour_run_status", ["scheduled", "in_progress", "completed", "late", "missed"]);

// One due occurrence of a tour; (tour, due_at) is unique so a restarted worker never makes a run twice.
export const tourRuns = pgTable(
  "tour_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    tourId: uuid("tour_id")
      .notNull()
      .references(() => tours.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    guardId: uuid("guard_id").references(() => guards.id, { onDelete: "set null" }),
    // The tour's checkpoints when the run became due: later edits of the tour do not rewrite history.
    checkpointIds: uuid("checkpoint_ids").array().notNull(),
    ordered: boolean("ordered").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    status: tourRunStatus("status").notNull().default("scheduled"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    alertId: uuid("alert_id").references(() => alerts.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("tour_runs_tour_due_key").on(t.tourId, t.dueAt),
    index("tour_runs_tenant_due_idx").on(t.tenantId, t.dueAt),
    index("tour_runs_open_idx")
      .on(t.closesAt)
      .where(sql`status in ('scheduled', 'in_progress')`),
  ],
);

export const tourVisits = pgTable(
  "tour_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    runId: uuid("run_id")
      .notNull()
      .references(() => tourRuns.id, { onDelete: "cascade" }),
    checkpointId: uuid("checkpoint_id")
      .notNull()
      .references(() => checkpoints.id, { onDelete: "cascade" }),
    guardId: uuid("guard_id").references(() => guards.id, { onDelete: "set null" }),
    method: text("method").$type<"qr" | "nfc" | "gps">().notNull(),
    visitedAt: timestamp("visited_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("tour_visits_run_checkpoint_key").on(t.runId, t.checkpointId)],
);
