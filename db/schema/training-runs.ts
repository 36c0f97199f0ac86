import { doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const trainingRunStatus = pgEnum("training_run_status", [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
]);

/** One epoch's figures, appended as training goes. */
export type EpochProgress = { epoch: number; loss: number; validationAuc: number | null; at: string };

// A false-alarm model training run: its live progress and final metrics.
export const trainingRuns = pgTable(
  "training_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    trigger: text("trigger").$type<"manual" | "cron">().notNull().default("manual"),
    status: trainingRunStatus("status").notNull().default("queued"),
    totalEpochs: integer("total_epochs").notNull(),
    epoch: integer("epoch").notNull().default(0),
    loss: doublePrecision("loss"),
    validationAuc: doublePrecision("validation_auc"),
    etaSeconds: doublePrecision("eta_seconds"),
    progress: jsonb("progress").$type<EpochProgress[]>().notNull().default([]),
    metrics: jsonb("metrics").$type<Record<string, number>>(),
    error: text("error"),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_runs_tenant_idx").on(t.tenantId, t.createdAt)],
);
